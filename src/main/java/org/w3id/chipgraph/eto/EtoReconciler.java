package org.w3id.chipgraph.eto;

import static org.w3id.chipgraph.eto.EtoImport.COUNTRY;
import static org.w3id.chipgraph.eto.EtoImport.COUNTRY_NAMES;
import static org.w3id.chipgraph.eto.EtoImport.ETO_ID;
import static org.w3id.chipgraph.eto.EtoImport.ORGANIZATION;
import static org.w3id.chipgraph.eto.EtoImport.PERSON;
import static org.w3id.chipgraph.eto.EtoImport.shortIri;
import static org.w3id.chipgraph.eto.EtoImport.uri;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.input.LoadException;

/**
 * Which node each ETO id becomes: the register entity data/eto-mapping.csv (or the register's own
 * cg:etoId) names, checked to be of the right kind, else {@code id:eto-<id>}. Also what is left for
 * a person to decide: name matches to check and providers left unmatched.
 */
final class EtoReconciler {
    private final EtoDataset ds;
    private final EtoMapping mapping;
    private final Graph register;
    private final Graph ontology;
    private final List<String> notes;

    private final Map<String, Node> nodeOf = new HashMap<>();      // ETO id -> node
    private final Map<String, String> mapped = new TreeMap<>(EtoImport::byIdNumber);

    EtoReconciler(EtoDataset ds, EtoMapping mapping, Graph register, Graph ontology, List<String> notes) {
        this.ds = ds;
        this.mapping = mapping;
        this.register = register;
        this.ontology = ontology;
        this.notes = notes;
    }

    /** ETO id -> the IRI of the register entity it is, in id order. */
    Map<String, String> mapped() { return mapped; }

    boolean isMapped(String etoId) { return mapped.containsKey(etoId); }

    /** The node an ETO id is written as. */
    Node node(String etoId) {
        return nodeOf.computeIfAbsent(etoId, id -> uri(Chipgraph.ID + "eto-" + id.toLowerCase(Locale.ROOT)));
    }

    /** Decide each ETO id's node: the mapped chipgraph entity, or id:eto-<id>. */
    void reconcile() {
        Map<String, Node> registerEtoIds = new HashMap<>();
        register.find(Node.ANY, ETO_ID, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral())
                registerEtoIds.put(t.getObject().getLiteralLexicalForm(), t.getSubject());
        });
        for (EtoMapping.Entry e : mapping.entries()) {
            String name = ds.nameOf(e.etoId());
            if (name == null) {
                notes.add(e.where() + ": " + e.etoId() + " is not in this ETO data: mapping not used");
                continue;
            }
            if (!name.equals(e.etoName()) && !ds.otherNames().getOrDefault(e.etoId(), Set.of()).contains(e.etoName()))
                throw new LoadException(LoadException.INPUT, e.where() + ": " + e.etoId() + " is '" + name
                        + "' in the ETO data, not '" + e.etoName() + "': check the id");
            Node entity = uri(e.iri());
            Set<Node> types = types(entity);
            if (types.isEmpty()) {
                notes.add(e.where() + ": " + shortIri(e.iri()) + " is not an entity of the register: " + e.etoId() + " '" + name
                        + "' imported as " + shortIri(Chipgraph.ID + "eto-" + e.etoId().toLowerCase(Locale.ROOT)) + " instead");
                continue;
            }
            checkKind(e.etoId(), entity, types, e.where());
            register.find(entity, ETO_ID, Node.ANY).forEachRemaining(t -> {
                String other = t.getObject().getLiteralLexicalForm();
                if (!other.equals(e.etoId()))
                    throw new LoadException(LoadException.INPUT, e.where() + ": the register gives " + shortIri(e.iri())
                            + " cg:etoId \"" + other + "\", not " + e.etoId());
            });
            Node other = registerEtoIds.get(e.etoId());
            if (other != null && !other.equals(entity))
                throw new LoadException(LoadException.INPUT, e.where() + ": the register gives " + e.etoId() + " to "
                        + shortIri(other.getURI()) + ", not " + shortIri(e.iri()));
            nodeOf.put(e.etoId(), entity);
            mapped.put(e.etoId(), e.iri());
        }
        // An ETO id the register already gives to an entity is that entity, mapping file or not.
        registerEtoIds.forEach((id, entity) -> {
            if (nodeOf.containsKey(id) || ds.nameOf(id) == null || !entity.isURI())
                return;
            checkKind(id, entity, types(entity), mapping.file() + " (cg:etoId in the register)");
            nodeOf.put(id, entity);
            mapped.put(id, entity.getURI());
            notes.add(id + " '" + ds.nameOf(id) + "' is " + shortIri(entity.getURI()) + " by its cg:etoId in the register (not in "
                    + mapping.file() + ")");
        });
    }

    private void checkKind(String etoId, Node entity, Set<Node> types, String where) {
        Set<Node> all = superClasses(types);
        String kind;
        boolean ok;
        if (etoId.startsWith("P")) {
            EtoDataset.Provider p = ds.provider(etoId);
            kind = p.country() ? "a country" : "an organization";
            ok = all.contains(p.country() ? COUNTRY : ORGANIZATION);
        } else {
            kind = etoId.startsWith("N") ? "a supply-chain input" : "a supply-chain stage";
            ok = !all.contains(ORGANIZATION) && !all.contains(COUNTRY) && !all.contains(PERSON);
        }
        if (!ok)
            throw new LoadException(LoadException.INPUT, where + ": " + etoId + " '" + ds.nameOf(etoId) + "' is " + kind
                    + " in the ETO data, but " + shortIri(entity.getURI()) + " is " + types.stream().map(t -> shortIri(t.getURI())).toList());
    }

    /** Name matches between unmapped providers and register entities: to check by hand, never applied. */
    List<String> suggestions() {
        Map<String, List<Node>> byName = new HashMap<>();
        Set<Node> registered = new HashSet<>();
        register.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> registered.add(t.getSubject()));
        for (Node e : registered) {
            for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode()))
                register.find(e, p, Node.ANY).forEachRemaining(t -> {
                    if (t.getObject().isLiteral())
                        byName.computeIfAbsent(normalize(t.getObject().getLiteralLexicalForm()), k -> new ArrayList<>()).add(e);
                });
        }
        Set<Node> alreadyMapped = new HashSet<>(nodeOf.values());
        List<String> out = new ArrayList<>();
        for (EtoDataset.Provider p : ds.providers()) {
            if (isMapped(p.id()))
                continue;
            String key = normalize(p.country() ? COUNTRY_NAMES.getOrDefault(p.name(), p.name()) : p.name());
            Set<String> candidates = new TreeSet<>();
            for (Node e : byName.getOrDefault(key, List.of()))
                if (!alreadyMapped.contains(e))
                    candidates.add(shortIri(e.getURI()));
            if (!candidates.isEmpty())
                out.add(p.id() + " '" + p.name() + "' may be " + String.join(" or ", candidates)
                        + " (same name): if so, add it to " + mapping.file() + " with the evidence");
        }
        return out;
    }

    List<String> unmatched(Set<String> notCountries) {
        List<String> out = new ArrayList<>();
        for (EtoDataset.Provider p : ds.providers())
            if (!isMapped(p.id()) && !notCountries.contains(p.id()))
                out.add(p.id() + " " + p.name());
        return out;
    }

    /** Lower case, accents and punctuation dropped, company-form words ("Inc", "Co., Ltd.") removed. */
    static String normalize(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ").replace(".", "").replaceAll("[^\\p{L}\\p{N}]+", " ");
        List<String> words = new ArrayList<>();
        for (String w : s.trim().split(" +"))
            if (!Set.of("inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "ag",
                    "sa", "nv", "bv", "se", "gmbh", "kk", "holding", "holdings", "group", "the").contains(w))
                words.add(w);
        return String.join(" ", words);
    }

    /** Does the register already give {@code n} this name (as label or other name)? */
    boolean hasName(Node n, String name) {
        for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
            var it = register.find(n, p, Node.ANY);
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral() && o.getLiteralLexicalForm().equals(name))
                    return true;
            }
        }
        return false;
    }

    private Set<Node> types(Node entity) {
        Set<Node> types = new HashSet<>();
        register.find(entity, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> types.add(t.getObject()));
        return types;
    }

    private Set<Node> superClasses(Set<Node> classes) {
        Set<Node> all = new HashSet<>(classes);
        List<Node> todo = new ArrayList<>(classes);
        while (!todo.isEmpty()) {
            Node c = todo.remove(todo.size() - 1);
            ontology.find(c, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && all.add(t.getObject()))
                    todo.add(t.getObject());
            });
        }
        return all;
    }
}
