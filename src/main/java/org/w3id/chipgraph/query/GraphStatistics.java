package org.w3id.chipgraph.query;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.Chipgraph;
import java.util.Map;

/**
 * Counts that tell a user what the graph holds: triples per named graph, asserted against
 * inferred, and instances per class of our ontology (asserted type vs. with inference).
 * Computed with SPARQL, so the same code reads a local store or a running server.
 */
public final class GraphStatistics {
    public record GraphCount(String graph, long triples) {}
    public record ClassCount(String classIri, String label, long asserted, long withInference) {}
    public record Stats(List<GraphCount> graphs, long asserted, long inferred, List<ClassCount> classes) {}

    static final String PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";

    static final String PER_CLASS = Chipgraph.PREFIXES + """
            SELECT ?class (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?xa) AS ?asserted) (COUNT(DISTINCT ?x) AS ?all)
            WHERE {
              GRAPH g:ontology { ?class a owl:Class . OPTIONAL { ?class rdfs:label ?l FILTER(lang(?l) = "en") } }
              FILTER(STRSTARTS(STR(?class), STR(cg:)))
              OPTIONAL {
                ?x a ?class .
                OPTIONAL { GRAPH ?ga { ?x a ?class } FILTER(?ga != g:inferred) BIND(?x AS ?xa) }
              }
            }
            GROUP BY ?class ORDER BY DESC(?all) ?class
            """;

    private GraphStatistics() {}

    /** @param select runs a SELECT against the store or endpoint */
    public static Stats compute(Function<Query, RowSetRewindable> select) {
        List<GraphCount> graphs = new ArrayList<>();
        long asserted = 0, inferred = 0;
        RowSetRewindable g = select.apply(QueryFactory.create(PER_GRAPH));
        while (g.hasNext()) {
            Binding b = g.next();
            String graph = b.get(Var.alloc("g")).getURI();
            long n = number(b, "n");
            graphs.add(new GraphCount(graph, n));
            if (graph.equals(Chipgraph.GRAPH_INFERRED.getURI())) inferred += n; else asserted += n;
        }
        List<ClassCount> classes = new ArrayList<>();
        RowSetRewindable c = select.apply(QueryFactory.create(PER_CLASS));
        while (c.hasNext()) {
            Binding b = c.next();
            var label = b.get(Var.alloc("label"));
            classes.add(new ClassCount(b.get(Var.alloc("class")).getURI(), label == null ? "" : label.getLiteralLexicalForm(),
                    number(b, "asserted"), number(b, "all")));
        }
        return new Stats(graphs, asserted, inferred, classes);
    }

    public static Stats compute(DatasetGraph dsg) {
        return compute(q -> QueryRunner.select(dsg, q, Map.of()));
    }

    public static Stats compute(String endpoint) {
        return compute(q -> QueryRunner.select(endpoint, q, Map.of()));
    }

    private static long number(Binding b, String var) {
        var n = b.get(Var.alloc(var));
        return n == null ? 0 : ((Number) n.getLiteralValue()).longValue();
    }

    public static void print(Stats s, PrintStream out) {
        out.printf("Triples: %d asserted, %d inferred, %d in all (counted per named graph)%n%n",
                s.asserted(), s.inferred(), s.asserted() + s.inferred());
        out.println("Triples per named graph:");
        for (GraphCount g : s.graphs())
            out.printf("  %8d  %s%n", g.triples(), shorten(g.graph()));
        out.println();
        out.println("Instances per class (asserted type / with inference):");
        for (ClassCount c : s.classes())
            out.printf("  %6d / %6d  %-28s %s%n", c.asserted(), c.withInference(), shorten(c.classIri()), c.label());
    }

    static String shorten(String iri) {
        if (iri.startsWith(Chipgraph.NS)) return "cg:" + iri.substring(Chipgraph.NS.length());
        if (iri.startsWith(Chipgraph.GRAPH)) return "graph/" + iri.substring(Chipgraph.GRAPH.length());
        return iri;
    }
}
