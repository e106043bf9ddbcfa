package org.w3id.chipgraph.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.chipgraph.Chipgraph;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.jena.graph.NodeFactory;

/**
 * Every name the graph gives its entities (rdfs:label and skos:altLabel, in any language),
 * normalized by {@link LabelText} and indexed by character bigrams, so that "엔비", "英伟达",
 * "nvidia" or "H200" find their entity by exact, prefix or substring match. Built in memory
 * from the served dataset, once per store version; there is no hand-written alias table.
 */
public final class LabelIndex {
    /** How a name matched the query, best first. */
    public enum Match { EXACT, PREFIX, WORD_PREFIX, SUBSTRING }

    /** One entity found: its display label, the name that matched (and its language), its type. */
    public record Hit(String iri, String label, String matched, String lang, Match match,
                      List<String> types, String typeLabel) {}

    private record Name(int entity, String text, String norm, String lang, boolean preferred) {}

    private record Entity(String iri, String label, List<String> types, String typeLabel, int category) {}

    /** Where a SPARQL function finds the index of the store version it runs on (through {@code PerVersion}). */
    public static final Symbol KEY = Symbol.create(Chipgraph.NS + "labelIndex");

    private final List<Entity> entities = new ArrayList<>();
    private final Map<String, Integer> entityIds = new HashMap<>();
    private final List<Name> names = new ArrayList<>();
    /** Character bigram -> ids of the names containing it (ascending). */
    private final Map<String, int[]> bigrams = new HashMap<>();

    private LabelIndex() {}

    public static LabelIndex build(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> new LabelIndex().read(dsg));
    }

    private LabelIndex read(DatasetGraph dsg) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        Map<String, String> english = new HashMap<>();
        Map<String, String> anyLabel = new HashMap<>();
        List<Object[]> raw = new ArrayList<>();
        for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
            boolean preferred = p.equals(RDFS.label.asNode());
            dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                Node s = q.getSubject(), o = q.getObject();
                if (!s.isURI() || !s.getURI().startsWith(Chipgraph.ID) || !o.isLiteral())
                    return;
                String iri = s.getURI();
                ids.putIfAbsent(iri, ids.size());
                String text = o.getLiteralLexicalForm();
                String lang = o.getLiteralLanguage();
                if (preferred && "en".equals(lang))
                    english.putIfAbsent(iri, text);
                if (preferred)
                    anyLabel.putIfAbsent(iri, text);
                raw.add(new Object[] {iri, text, lang, preferred});
            });
        }
        Map<String, String> classLabels = classLabels(dsg);
        for (String iri : ids.keySet()) {
            List<String> types = assertedTypes(dsg, iri);
            String typeLabel = String.join(", ", types.stream().map(t -> classLabels.getOrDefault(t, localName(t))).toList());
            String label = english.getOrDefault(iri, anyLabel.getOrDefault(iri, localName(iri)));
            entityIds.put(iri, entities.size());
            entities.add(new Entity(iri, label, types, typeLabel, category(iri)));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Object[] r : raw) {
            String iri = (String) r[0], text = (String) r[1], lang = (String) r[2];
            String norm = LabelText.normalize(text);
            // The same name stated in several graphs is one name.
            if (norm.isEmpty() || !seen.add(iri + "\u0000" + norm + "\u0000" + r[3]))
                continue;
            names.add(new Name(ids.get(iri), text, norm, lang, (Boolean) r[3]));
        }
        indexBigrams();
        return this;
    }

    /** Entities first, then source documents, then claims: a claim's long label rarely is what one looks for. */
    private static int category(String iri) {
        if (iri.startsWith(Chipgraph.ID + "claim/")) return 2;
        if (iri.startsWith(Chipgraph.SOURCE)) return 1;
        return 0;
    }

    private static List<String> assertedTypes(DatasetGraph dsg, String iri) {
        Set<String> types = new LinkedHashSet<>();
        dsg.find(Node.ANY, NodeFactory.createURI(iri), RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            if (!q.getGraph().equals(Chipgraph.GRAPH_INFERRED) && q.getObject().isURI() && q.getObject().getURI().startsWith(Chipgraph.NS))
                types.add(q.getObject().getURI());
        });
        return List.copyOf(new TreeSet<>(types));
    }

    private static Map<String, String> classLabels(DatasetGraph dsg) {
        Map<String, String> out = new HashMap<>();
        dsg.find(Chipgraph.GRAPH_ONTOLOGY, Node.ANY, RDFS.label.asNode(), Node.ANY).forEachRemaining((Quad q) -> {
            if (q.getSubject().isURI() && q.getObject().isLiteral() && "en".equals(q.getObject().getLiteralLanguage()))
                out.putIfAbsent(q.getSubject().getURI(), q.getObject().getLiteralLexicalForm());
        });
        return out;
    }

    static String localName(String iri) {
        if (iri.startsWith(Chipgraph.ID)) return iri.substring(Chipgraph.ID.length());
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 ? iri.substring(cut + 1) : iri;
    }

    private void indexBigrams() {
        Map<String, List<Integer>> lists = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (String b : bigramsOf(names.get(i).norm())) {
                List<Integer> l = lists.computeIfAbsent(b, k -> new ArrayList<>());
                if (l.isEmpty() || l.get(l.size() - 1) != i)
                    l.add(i);
            }
        }
        lists.forEach((b, l) -> bigrams.put(b, l.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static Set<String> bigramsOf(String s) {
        Set<String> out = new LinkedHashSet<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++)
            out.add(new String(cps, i, 2));
        return out;
    }

    public int entityCount() { return entities.size(); }

    /** The entity's display label (English when it has one), or its local name when it has no label. */
    public String label(String iri) {
        Integer e = entityIds.get(iri);
        return e == null ? localName(iri) : entities.get(e).label();
    }

    /** The labels of the entity's asserted classes of our ontology, e.g. "chip designer, foundry"; "" if none. */
    public String typeLabel(String iri) {
        Integer e = entityIds.get(iri);
        return e == null ? "" : entities.get(e).typeLabel();
    }

    /** Entities whose names match the query, best match first, one hit per entity. */
    public List<Hit> search(String query, int limit) {
        String q = LabelText.normalize(query);
        if (q.isEmpty() || limit <= 0)
            return List.of();
        Map<Integer, Hit> best = new HashMap<>();
        Map<Integer, int[]> bestRank = new HashMap<>();
        for (int id : candidates(q)) {
            Name n = names.get(id);
            Match m = match(n.norm(), q);
            if (m == null)
                continue;
            int[] rank = {m.ordinal(), n.preferred() ? 0 : 1, n.norm().length()};
            int[] old = bestRank.get(n.entity());
            if (old == null || compare(rank, old) < 0) {
                Entity e = entities.get(n.entity());
                bestRank.put(n.entity(), rank);
                best.put(n.entity(), new Hit(e.iri(), e.label(), n.text(), n.lang(), m, e.types(), e.typeLabel()));
            }
        }
        return best.keySet().stream()
                .sorted(Comparator.<Integer>comparingInt(e -> bestRank.get(e)[0])
                        .thenComparingInt(e -> entities.get(e).category())
                        .thenComparingInt(e -> bestRank.get(e)[1])
                        .thenComparingInt(e -> bestRank.get(e)[2])
                        .thenComparing(e -> entities.get(e).label(), String.CASE_INSENSITIVE_ORDER))
                .limit(limit)
                .map(best::get)
                .toList();
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++)
            if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
        return 0;
    }

    /** Names that contain every bigram of the query (all names for a one-character query). */
    private int[] candidates(String q) {
        Set<String> grams = bigramsOf(q);
        if (grams.isEmpty())
            return IntStream.range(0, names.size()).toArray();
        int[] smallest = null;
        for (String g : grams) {
            int[] p = bigrams.get(g);
            if (p == null)
                return new int[0];
            if (smallest == null || p.length < smallest.length)
                smallest = p;
        }
        return smallest;
    }

    static Match match(String name, String q) {
        if (name.equals(q)) return Match.EXACT;
        if (name.startsWith(q)) return Match.PREFIX;
        int at = name.indexOf(q);
        if (at < 0) return null;
        // A match at the start of a word ("h200" in "nvidia h200") ranks above one inside a word.
        for (; at >= 0; at = name.indexOf(q, at + 1))
            if (!Character.isLetterOrDigit(name.codePointBefore(at)))
                return Match.WORD_PREFIX;
        return Match.SUBSTRING;
    }
}
