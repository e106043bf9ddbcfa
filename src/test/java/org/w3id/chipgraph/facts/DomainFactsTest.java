package org.w3id.chipgraph.facts;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;

/**
 * The graded facts of shared/facts/domain-facts.md ([P], [S], [D]) are in the graph, each in
 * the named graph of its source. The facts are written by hand, from the facts file (not from
 * the graph), as tables in src/test/resources/facts/*.tsv: one tuple (section, subject,
 * property, value, source, fact) a line; the header of each table explains the notation.
 * Each tuple is one dynamic test, grouped by section; a failing tuple names its file and line,
 * what was expected and what the graph holds instead.
 */
class DomainFactsTest {

    static final Path FACTS = TestGraph.PROJECT.resolve("src/test/resources/facts");

    /** The sections of domain-facts.md whose facts the graph must hold. */
    static final List<String> SECTIONS = List.of("0", "1.1", "1.2", "1.3", "2.1", "2.2", "3", "4");

    static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("cg", Chipgraph.NS), Map.entry("id", Chipgraph.ID), Map.entry("src", Chipgraph.SOURCE),
            Map.entry("claim", Chipgraph.ID + "claim/"), Map.entry("wd", "http://www.wikidata.org/entity/"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"), Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
            Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"), Map.entry("prov", "http://www.w3.org/ns/prov#"),
            Map.entry("dct", "http://purl.org/dc/terms/"), Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"));

    record Fact(String file, int line, String section, String subject, String property, String value, String source, String fact) {
        String where() { return file + ":" + line; }
        String name() { return subject + " " + property + " " + value + " [" + source + "]"; }
    }

    static List<Fact> readFacts() throws IOException {
        List<Fact> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(FACTS)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                boolean header = true;
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i);
                    if (l.startsWith("#") || l.isBlank())
                        continue;
                    String[] f = l.split("\t", -1);
                    String where = p.getFileName() + ":" + (i + 1);
                    assertEquals(6, f.length, where + ": want 6 tab-separated columns, got " + f.length);
                    if (header) {
                        assertEquals(List.of("section", "subject", "property", "value", "source", "fact"), List.of(f), where + ": header");
                        header = false;
                        continue;
                    }
                    out.add(new Fact(p.getFileName().toString(), i + 1, f[0], f[1], f[2], f[3], f[4], f[5]));
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicContainer> everyGradedFactIsInTheGraphOfItsSource() throws IOException {
        Map<String, List<Fact>> bySection = new LinkedHashMap<>();
        SECTIONS.forEach(s -> bySection.put(s, new ArrayList<>()));
        for (Fact f : readFacts()) {
            assertTrue(bySection.containsKey(f.section()), f.where() + ": unknown section '" + f.section() + "'");
            bySection.get(f.section()).add(f);
        }
        return bySection.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(
                "§" + e.getKey() + " (" + e.getValue().size() + " facts)",
                e.getValue().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> check(f)))));
    }

    @Test
    void everySectionHasItsFacts() throws IOException {
        List<Fact> all = readFacts();
        for (String s : SECTIONS)
            assertTrue(all.stream().filter(f -> f.section().equals(s)).count() >= 10, "§" + s + " has fewer than 10 facts");
    }

    @Test
    void noDBpediaLinks() {
        // DBpedia IRIs are derived from Wikipedia titles and graded [U] (domain-facts §4.2): none in the graph.
        assertFalse(ask("ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } FILTER(CONTAINS(STR(?s), \"dbpedia.org\") || CONTAINS(STR(?o), \"dbpedia.org\")) }", Map.of()),
                "the graph links to DBpedia, whose IRIs are unverified ([U])");
    }

    // ----------------------------------------------------------------------------------------

    static void check(Fact f) {
        String prop = f.property();
        if (prop.equals("meets") || prop.equals("doesNotMeet")) {
            assertEquals("computed", f.source(), f.where() + ": a criterion test has source 'computed'");
            boolean meets = meets(iri(f.subject(), f), iri(f.value(), f));
            assertEquals(prop.equals("meets"), meets, () -> f.where() + ": " + f.subject() + (meets ? " meets " : " does not meet ")
                    + f.value() + " by its specs (" + f.fact() + "); its specs: " + specs(iri(f.subject(), f)));
            return;
        }
        if (prop.startsWith("!")) {
            assertEquals("-", f.source(), f.where() + ": an absence test (!property) has source '-'");
            Node s = iri(f.subject(), f), p = iri(prop.substring(1), f);
            List<String> found = new ArrayList<>(valuesAnywhere(s, p));
            // '*' forbids any value; a given value forbids that one only.
            if (!f.value().equals("*"))
                found.removeIf(v -> !v.startsWith(iri(f.value(), f).toString() + " in "));
            assertTrue(found.isEmpty(), () -> f.where() + ": " + f.subject() + " must have no " + prop.substring(1)
                    + (f.value().equals("*") ? "" : " " + f.value()) + " (" + f.fact() + ") but has " + found);
            return;
        }
        Node g = graphOf(f);
        if (!g.equals(Chipgraph.GRAPH_REGISTER) && !g.equals(Chipgraph.GRAPH_SOURCES)) {
            String slug = f.source().startsWith("claims/") ? f.source().substring("claims/".length()) : f.source();
            Node src = NodeFactory.createURI(Chipgraph.SOURCE + slug);
            assertTrue(ask("ASK { GRAPH ?sources { ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?src . ?src a ?doc } }",
                            Map.of("sources", Chipgraph.GRAPH_SOURCES, "g", g, "src", src,
                                   "doc", NodeFactory.createURI(Chipgraph.NS + "SourceDocument"))),
                    f.where() + ": graph <" + g.getURI() + "> is not derived from the source document src:" + slug);
        }
        Node s = iri(f.subject(), f);
        Node p = prop.equals("a") ? iri("rdf:type", f) : iri(prop, f);
        String filter = valueFilter(f);
        boolean found = ask("ASK { GRAPH ?g { ?s ?p ?v } FILTER(" + filter + ") }", Map.of("g", g, "s", s, "p", p));
        assertTrue(found, () -> f.where() + ": " + f.name() + " is not in graph <" + g.getURI() + ">  (" + f.fact() + ")\n"
                + "  values of " + f.subject() + " " + prop + " in every graph: " + valuesAnywhere(s, p));
    }

    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(±(\\d+(\\.\\d+)?))?");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The SPARQL filter on ?v that the value column stands for. */
    static String valueFilter(Fact f) {
        String v = f.value();
        if (v.equals("*"))
            return "true";
        if (v.startsWith("~"))
            return "CONTAINS(STR(?v), " + str(v.substring(1)) + ")";
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\""))
            return "STR(?v) = " + str(v.substring(1, v.length() - 1));
        if (v.equals("true") || v.equals("false"))
            return "DATATYPE(?v) = <http://www.w3.org/2001/XMLSchema#boolean> && ?v = " + v;
        if (DATE.matcher(v).matches())
            return "DATATYPE(?v) = <http://www.w3.org/2001/XMLSchema#date> && STR(?v) = " + str(v);
        Matcher m = NUMBER.matcher(v);
        if (m.matches()) {
            String number = v.replaceFirst("±.*", "");
            String tolerance = m.group(3) == null ? "0" : m.group(3);
            new BigDecimal(number);
            return "isNumeric(?v) && ABS(?v - " + number + ") <= " + tolerance;
        }
        return "sameTerm(?v, " + NodeFmtLib.strNT(iri(v, f)) + ")";
    }

    static Node graphOf(Fact f) {
        String s = f.source();
        return switch (s) {
            case "register" -> Chipgraph.GRAPH_REGISTER;
            case "sources" -> Chipgraph.GRAPH_SOURCES;
            default -> NodeFactory.createURI(s.startsWith("claims/") ? Chipgraph.CLAIMS_GRAPH_PREFIX + s.substring(7) : Chipgraph.GRAPH + s);
        };
    }

    static Node iri(String name, Fact f) {
        if (name.startsWith("<") && name.endsWith(">"))
            return NodeFactory.createURI(name.substring(1, name.length() - 1));
        int colon = name.indexOf(':');
        assertTrue(colon > 0 && PREFIXES.containsKey(name.substring(0, colon)), f.where() + ": '" + name + "' is not a prefixed name of " + PREFIXES.keySet());
        return NodeFactory.createURI(PREFIXES.get(name.substring(0, colon)) + name.substring(colon + 1));
    }

    static String str(String text) {
        return NodeFmtLib.strNT(NodeFactory.createLiteralString(text));
    }

    /** Does the chip meet every threshold of the criterion by one of its recorded values? (as r3-licence-status.rq) */
    static boolean meets(Node chip, Node criterion) {
        String q = """
                PREFIX cg: <https://w3id.org/chipgraph/ontology#>
                ASK {
                  FILTER EXISTS { ?crit cg:tppAtLeast|cg:tppBelow|cg:tppAtMost|cg:performanceDensityAtLeast|cg:performanceDensityBelow
                                        |cg:interconnectAtLeastGBps|cg:dramBandwidthBelowGBps|cg:dramBandwidthAtLeastGBps
                                        |cg:dramBandwidthAtMostGBps|cg:memoryBandwidthDensityAbove ?anyThreshold }
                  FILTER NOT EXISTS { ?crit cg:tppAtLeast ?t1 FILTER NOT EXISTS { ?c cg:tpp ?v1 FILTER(?v1 >= ?t1) } }
                  FILTER NOT EXISTS { ?crit cg:tppBelow ?t2 FILTER NOT EXISTS { ?c cg:tpp ?v2 FILTER(?v2 < ?t2) } }
                  FILTER NOT EXISTS { ?crit cg:tppAtMost ?t3 FILTER NOT EXISTS { ?c cg:tpp ?v3 FILTER(?v3 <= ?t3) } }
                  FILTER NOT EXISTS { ?crit cg:performanceDensityAtLeast ?t4 FILTER NOT EXISTS { ?c cg:performanceDensity ?v4 FILTER(?v4 >= ?t4) } }
                  FILTER NOT EXISTS { ?crit cg:performanceDensityBelow ?t5 FILTER NOT EXISTS { ?c cg:performanceDensity ?v5 FILTER(?v5 < ?t5) } }
                  FILTER NOT EXISTS { ?crit cg:interconnectAtLeastGBps ?t6 FILTER NOT EXISTS { ?c cg:interconnectBandwidthGBps ?v6 FILTER(?v6 >= ?t6) } }
                  FILTER NOT EXISTS { ?crit cg:dramBandwidthBelowGBps ?t7 FILTER NOT EXISTS { ?c cg:memoryBandwidthGBps ?v7 FILTER(?v7 < ?t7) } }
                  FILTER NOT EXISTS { ?crit cg:dramBandwidthAtLeastGBps ?t8 FILTER NOT EXISTS { ?c cg:memoryBandwidthGBps ?v8 FILTER(?v8 >= ?t8) } }
                  FILTER NOT EXISTS { ?crit cg:dramBandwidthAtMostGBps ?t9 FILTER NOT EXISTS { ?c cg:memoryBandwidthGBps ?v9 FILTER(?v9 <= ?t9) } }
                  FILTER NOT EXISTS { ?crit cg:memoryBandwidthDensityAbove ?t10 }
                }""";
        return ask(q, Map.of("c", chip, "crit", criterion));
    }

    static String specs(Node chip) {
        Set<String> out = new TreeSet<>();
        for (String p : List.of("tpp", "performanceDensity", "interconnectBandwidthGBps", "memoryBandwidthGBps"))
            for (String v : valuesAnywhere(chip, NodeFactory.createURI(Chipgraph.NS + p)))
                out.add(p + "=" + v);
        return out.toString();
    }

    /** Every value of (s, p) with the graph that holds it. */
    static List<String> valuesAnywhere(Node s, Node p) {
        DatasetGraph dsg = TestGraph.dataset();
        return Txn.calculateRead(dsg, () -> {
            List<String> out = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(dsg).query("SELECT ?v ?g { GRAPH ?g { ?s ?p ?v } }")
                    .substitution("s", s).substitution("p", p).build()) {
                RowSet rs = qe.select();
                rs.forEachRemaining(b -> {
                    Node v = b.get(Var.alloc("v")), g = b.get(Var.alloc("g"));
                    out.add((v.isLiteral() ? v.getLiteralLexicalForm() : v.toString()) + " in " + g.getURI().replace(Chipgraph.GRAPH, "graph/"));
                });
            }
            return out;
        });
    }

    static boolean ask(String query, Map<String, Node> bindings) {
        DatasetGraph dsg = TestGraph.dataset();
        return Txn.calculateRead(dsg, () -> {
            var b = QueryExec.dataset(dsg).query(query);
            bindings.forEach(b::substitution);
            try (QueryExec qe = b.build()) {
                return qe.ask();
            }
        });
    }
}
