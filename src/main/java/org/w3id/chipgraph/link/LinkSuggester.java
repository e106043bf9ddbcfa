package org.w3id.chipgraph.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.query.RemoteFailure;
import org.apache.jena.graph.NodeFactory;

/**
 * Proposes Wikidata items for chipgraph entities that have no owl:sameAs to Wikidata yet, by
 * exact label search against a SPARQL endpoint (Wikidata's, or a stand-in with the same
 * vocabulary: rdfs:label, skos:altLabel, schema:description, wdt:P31). It only reads: a
 * proposal becomes a link when a person checks it and writes it, with its evidence, in
 * data/links.trig.
 *
 * <p>Score (0 to 1): how the best name matched, item label against the entity's English label
 * 1.0, against its label in another language 0.9, against one of its other names 0.8; a match
 * on one of the item's aliases counts 0.85 of that; each further name that matches the same
 * item adds 0.05; a person matched to an item that is not a human (wdt:P31 wd:Q5), or the
 * other way round, counts half.
 */
public final class LinkSuggester {
    public static final String WIKIDATA = "https://query.wikidata.org/sparql";
    static final String WD = "http://www.wikidata.org/entity/";
    static final int BATCH = 40;

    /** One entity's names: the English label first, then other labels, then other names. */
    public record Entity(String iri, String label, boolean person, List<Name> names) {}
    public record Name(String text, String lang, boolean primary, boolean altLabel) {}
    public record Candidate(String entity, String entityLabel, String qid, String label, String description, double score,
                            List<String> matchedNames) {}

    private final String endpoint;
    private final Duration timeout;

    public LinkSuggester(String endpoint) {
        this(endpoint, Duration.ofSeconds(60));
    }

    /** @param timeout how long one search request may take before it is given up */
    public LinkSuggester(String endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** Entities of the register (people, organizations, countries, products, families) without a Wikidata link. */
    public static List<Entity> unlinked(DatasetGraph dsg) {
        return unlinked(q -> QueryRunner.select(dsg, q, Map.of()));
    }

    /** The same, from a store or a server: {@code select} runs a SELECT query. */
    public static List<Entity> unlinked(Function<Query, RowSetRewindable> select) {
        String q = Chipgraph.PREFIXES + """
                SELECT ?e ?name ?kind ?person WHERE {
                  GRAPH g:register { ?e a ?t }
                  VALUES ?class { cg:Organization cg:Person cg:Country cg:Product cg:ChipFamily }
                  ?e a ?class .
                  FILTER NOT EXISTS { ?e owl:sameAs ?w FILTER(STRSTARTS(STR(?w), "http://www.wikidata.org/entity/")) }
                  { ?e rdfs:label ?name BIND("label" AS ?kind) } UNION { ?e skos:altLabel ?name BIND("alt" AS ?kind) }
                  FILTER(isLiteral(?name) && lang(?name) != "")
                  BIND(EXISTS { ?e a cg:Person } AS ?person)
                } ORDER BY ?e ?kind ?name""";
        Map<String, List<Name>> names = new LinkedHashMap<>();
        Map<String, Boolean> persons = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        RowSetRewindable rows = select.apply(QueryFactory.create(q));
        while (rows.hasNext()) {
            Binding b = rows.next();
            String e = b.get("e").getURI();
            Node n = b.get("name");
            String lang = n.getLiteralLanguage().toLowerCase(Locale.ROOT);
            boolean alt = b.get("kind").getLiteralLexicalForm().equals("alt");
            boolean primary = !alt && lang.equals("en");
            if (primary)
                labels.putIfAbsent(e, n.getLiteralLexicalForm());
            List<Name> list = names.computeIfAbsent(e, k -> new ArrayList<>());
            Name name = new Name(n.getLiteralLexicalForm(), lang, primary, alt);
            if (!list.contains(name))
                list.add(name);
            persons.put(e, "true".equals(b.get("person").getLiteralLexicalForm()));
        }
        List<Entity> out = new ArrayList<>();
        names.forEach((e, list) -> {
            list.sort(Comparator.comparing((Name n) -> !n.primary()).thenComparing(Name::altLabel));
            out.add(new Entity(e, labels.getOrDefault(e, list.get(0).text()), persons.get(e), List.copyOf(list)));
        });
        return out;
    }

    /** Candidates for each entity, best first; at most {@code limit} per entity. */
    public List<Candidate> suggest(List<Entity> entities, int limit) {
        // Every distinct (text, language) name, asked in batches.
        Map<String, Name> byKey = new LinkedHashMap<>();
        for (Entity e : entities)
            for (Name n : e.names())
                byKey.putIfAbsent(key(n.text(), n.lang()), n);
        Map<String, List<Hit>> hits = new HashMap<>();
        Map<String, String[]> items = new HashMap<>();   // qid -> label, description, human
        List<Name> all = new ArrayList<>(byKey.values());
        for (int i = 0; i < all.size(); i += BATCH)
            search(all.subList(i, Math.min(all.size(), i + BATCH)), hits, items);

        List<Candidate> out = new ArrayList<>();
        for (Entity e : entities) {
            Map<String, Double> best = new LinkedHashMap<>();
            Map<String, Set<String>> matched = new HashMap<>();
            for (Name n : e.names()) {
                double base = n.primary() ? 1.0 : n.altLabel() ? 0.8 : 0.9;
                for (Hit h : hits.getOrDefault(key(n.text(), n.lang()), List.of())) {
                    double s = base * (h.alias() ? 0.85 : 1.0);
                    best.merge(h.qid(), s, Math::max);
                    matched.computeIfAbsent(h.qid(), k -> new LinkedHashSet<>()).add(n.text() + "@" + n.lang());
                }
            }
            List<Candidate> mine = new ArrayList<>();
            best.forEach((qid, s) -> {
                String[] item = items.get(qid);
                double score = Math.min(1.0, s + 0.05 * (matched.get(qid).size() - 1));
                boolean human = "true".equals(item[2]);
                if (human != e.person())
                    score *= 0.5;
                mine.add(new Candidate(e.iri(), e.label(), qid, item[0], item[1], Math.round(score * 100) / 100.0,
                        List.copyOf(matched.get(qid))));
            });
            mine.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::qid));
            out.addAll(mine.subList(0, Math.min(limit, mine.size())));
        }
        return out;
    }

    private record Hit(String qid, boolean alias) {}

    static final String SEARCH = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <http://schema.org/>
            PREFIX wd: <http://www.wikidata.org/entity/>
            PREFIX wdt: <http://www.wikidata.org/prop/direct/>
            SELECT ?name ?item ?how ?label ?description ?human WHERE {
              { ?item rdfs:label ?name BIND("label" AS ?how) } UNION { ?item skos:altLabel ?name BIND("alias" AS ?how) }
              FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q"))
              OPTIONAL { ?item rdfs:label ?label FILTER(lang(?label) = "en") }
              OPTIONAL { ?item schema:description ?description FILTER(lang(?description) = "en") }
              BIND(EXISTS { ?item wdt:P31 wd:Q5 } AS ?human)
            }""";

    /** One query for a batch of names: exact label or alias matches, with the item's English label and description. */
    private void search(List<Name> names, Map<String, List<Hit>> hits, Map<String, String[]> items) {
        Query q = QueryFactory.create(SEARCH);
        // The names go in as a VALUES block of RDF terms, never spliced into the query text.
        ElementData values = new ElementData();
        Var name = Var.alloc("name");
        values.add(name);
        for (Name n : names)
            values.add(BindingFactory.binding(name, NodeFactory.createLiteralLang(n.text(), n.lang())));
        ElementGroup body = (ElementGroup) q.getQueryPattern();
        body.getElements().add(0, values);
        try (QueryExec qe = QueryExecHTTP.service(endpoint).query(q).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .httpHeader("User-Agent", "chipgraph-link-suggest/0.1 (https://w3id.org/chipgraph/)").build()) {
            RowSet rows = qe.select();
            while (rows.hasNext()) {
                Binding b = rows.next();
                Node nm = b.get("name"), item = b.get("item");
                if (nm == null || item == null || !item.isURI())
                    continue;
                String qid = item.getURI().substring(WD.length());
                hits.computeIfAbsent(key(nm.getLiteralLexicalForm(), nm.getLiteralLanguage()), k -> new ArrayList<>())
                        .add(new Hit(qid, b.get("how").getLiteralLexicalForm().equals("alias")));
                Node label = b.get("label"), desc = b.get("description"), human = b.get("human");
                items.putIfAbsent(qid, new String[] {
                        label == null ? "" : label.getLiteralLexicalForm(),
                        desc == null ? "" : desc.getLiteralLexicalForm(),
                        human == null ? "false" : human.getLiteralLexicalForm()});
            }
        } catch (RuntimeException e) {
            // Jena says only "POST URL"; say why (offline, DNS, HTTP status, timeout).
            throw RemoteFailure.of("The Wikidata search at", endpoint, e);
        }
    }

    private static String key(String text, String lang) {
        return text + "@" + lang.toLowerCase(Locale.ROOT);
    }
}
