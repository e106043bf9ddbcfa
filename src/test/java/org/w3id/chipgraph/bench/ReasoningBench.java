package org.w3id.chipgraph.bench;

import static org.w3id.chipgraph.bench.BenchFiles.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.chipgraph.Chipgraph;

/** The reasoning measurements of one scale: our index against its bound, ARQ paths, OWL Micro and the SPARQL rules. */
final class ReasoningBench {
    private final BenchCommand b;

    ReasoningBench(BenchCommand b) {
        this.b = b;
    }

    void run(String sc, double s, Path db, Path sampleFile, Path file) throws Exception {
        var ours = b.child("reason-ours scale " + sc, b.heap, List.of("reason-ours", "--db", db.toString(),
                "--sample", sampleFile.toString(), "--runs", Integer.toString(b.runs)), null);
        JsonObject one = ours.part("one"), bound = ours.part("bound");
        b.results.add(sc, "reasoning", "index file read", "ours", "s", List.of(num(one, "indexRead")), "at server start, in the background");
        double[] ms = doubles(one.get("ms").getAsArray());
        b.results.addPercentiles(sc, "reasoning", "one node, both ways (in process)", "ours", ms,
                "BFS over int arrays, every answer");
        for (String[] p : new String[][] {{"all1", "ours"}, {"bound1", BOUND}, {"all", "ours"}, {"bound", BOUND}}) {
            JsonObject o = ours.part(p[0]);
            int threads = (int) num(o, "threads");
            b.results.add(sc, "reasoning", allPairs(threads), p[1], "s", list(o.get("seconds").getAsArray()),
                    String.format(Locale.ROOT, "%,d pairs, %s", (long) num(o, "pairs"), note(p[1], threads)));
        }
        b.results.add(sc, "resources", "peak heap, index", "ours", "MB", List.of(num(bound, "peakHeap") / 1e6), "");
        String path = dependencyPath();
        List<String> props = directDependencyProperties();

        b.capped("arq-one", sc, () -> b.child("ARQ property path, one node, scale " + sc, b.heap, List.of("arq-one", "--db", db.toString(),
                "--sample", sampleFile.toString(), "--nodes", Integer.toString(b.arqNodes), "--path", path), b.capDuration), res -> {
            JsonObject o = res.part("one");
            if (o == null) return;  // stopped at the cap before it reported
            b.results.addPercentiles(sc, "reasoning", "one node, both ways (in process)", "ARQ path", doubles(o.get("ms").getAsArray()),
                    "COUNT(DISTINCT) over (direct edges)+ on TDB2, " + b.arqNodes + " nodes");
            b.results.add(sc, "resources", "peak heap, ARQ path one node", "ARQ path", "MB", List.of(num(o, "peakHeap") / 1e6), "");
        });
        b.capped("arq-all", sc, () -> b.child("ARQ property path, all pairs, scale " + sc, b.heap, List.of("arq-all", "--db", db.toString(),
                "--path", path), b.capDuration), res -> {
            JsonObject o = res.part("all");
            if (o == null) return;  // stopped at the cap: noted by capped()
            b.results.add(sc, "reasoning", "all pairs", "ARQ path", "s", List.of(num(o, "seconds")),
                    String.format(Locale.ROOT, "%,d pairs", (long) num(o, "pairs")));
            b.results.add(sc, "resources", "peak heap, ARQ path all pairs", "ARQ path", "MB", List.of(num(o, "peakHeap") / 1e6), "");
        });
        b.capped("owl-micro", sc, () -> b.child("OWL Micro, scale " + sc, b.heap, List.of("owl-micro", "--db", db.toString(),
                "--sample", sampleFile.toString(), "--properties", String.join(",", owlMicroInputProperties(props))), b.capDuration), res -> {
            JsonObject p = res.part("prepare"), o = res.part("one"), a = res.part("all");
            if (p != null)
                b.results.add(sc, "reasoning", "OWL Micro prepare", "OWL Micro", "s", List.of(num(p, "seconds")),
                        String.format(Locale.ROOT, "ontology + %,d direct edges in memory", (long) num(p, "edges")));
            if (o != null)
                b.results.add(sc, "reasoning", "one node (largest hub), after prepare", "OWL Micro", "s", List.of(num(o, "seconds")), "");
            if (a != null) {
                b.results.add(sc, "reasoning", "all pairs", "OWL Micro", "s", List.of(num(a, "seconds") + (p == null ? 0 : num(p, "seconds"))),
                        String.format(Locale.ROOT, "prepare + list, %,d pairs", (long) num(a, "pairs")));
                b.results.add(sc, "resources", "peak heap, OWL Micro", "OWL Micro", "MB", List.of(num(a, "peakHeap") / 1e6), "");
            }
        });
        if (s <= b.rulesCheckMaxScale)
            b.capped("rules", sc, () -> b.child("SPARQL rules vs Java fast path, scale " + sc, b.heap, List.of("rules", "--project",
                    b.project.toString(), "--file", file.toString()), b.capDuration), res -> {
                JsonObject j = res.part("java"), q = res.part("sparql");
                if (j != null)
                    b.results.add(sc, "reasoning", "rules to fixpoint (closure included)", "ours", "s", List.of(num(j, "seconds")),
                            String.format(Locale.ROOT, "Java fast path, %,d triples", (long) num(j, "inferred")));
                if (q != null)
                    b.results.add(sc, "reasoning", "rules to fixpoint (closure included)", "SPARQL rules", "s", List.of(num(q, "seconds")),
                            "same triples: " + q.get("equal").getAsBoolean().value());
            });
    }

    static final String BOUND = "int-array BFS bound";

    private static String note(String system, int threads) {
        if (system.equals(BOUND))
            return threads == 1 ? "one BFS per source" : "one BFS per source, sources shared out in chunks, a stamp array per thread";
        return threads == 1 ? "the index's own count in a one-thread pool"
                : "the index's own count (a parallel stream from 50,000 edges, one thread below)";
    }

    /** The all-pairs row measured on {@code threads} threads: "all pairs on 1 thread" or "all pairs on all cores (N threads)". */
    static String allPairs(int threads) {
        return threads == 1 && Runtime.getRuntime().availableProcessors() > 1 ? "all pairs on 1 thread"
                : "all pairs on all cores (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    /** Direct dependency properties: every sub-property of cg:dependsOn in the ontology. */
    List<String> directDependencyProperties() {
        Graph g = RDFParser.source(b.project.resolve("ontology/chipgraph.ttl")).toGraph();
        Node dependsOn = NodeFactory.createURI(Chipgraph.NS + "dependsOn");
        Set<Node> subs = new LinkedHashSet<>();
        List<Node> todo = new ArrayList<>(List.of(dependsOn));
        while (!todo.isEmpty()) {
            Node p = todo.remove(todo.size() - 1);
            g.find(Node.ANY, RDFS.subPropertyOf.asNode(), p).forEachRemaining(t -> {
                if (t.getSubject().isURI() && subs.add(t.getSubject())) todo.add(t.getSubject());
            });
        }
        return subs.stream().map(Node::getURI).sorted().toList();
    }

    /**
     * What OWL Micro reads: the direct dependency properties, and the statements they are derived
     * from by role (inverses such as designerOf for designedBy, legs of property chains).
     */
    List<String> owlMicroInputProperties(List<String> direct) {
        Graph g = RDFParser.source(b.project.resolve("ontology/chipgraph.ttl")).toGraph();
        Set<String> out = new LinkedHashSet<>(direct);
        for (String p : direct) {
            Node n = NodeFactory.createURI(p);
            g.find(n, OWL2.inverseOf.asNode(), Node.ANY).forEachRemaining(t -> out.add(t.getObject().getURI()));
            g.find(Node.ANY, OWL2.inverseOf.asNode(), n).forEachRemaining(t -> out.add(t.getSubject().getURI()));
            g.find(n, OWL2.propertyChainAxiom.asNode(), Node.ANY).forEachRemaining(t -> {
                for (Node l = t.getObject(); l.isBlank(); l = g.find(l, RDF.rest.asNode(), Node.ANY).next().getObject())
                    g.find(l, RDF.first.asNode(), Node.ANY).forEachRemaining(f -> out.add(f.getObject().getURI()));
            });
        }
        return out.stream().sorted().toList();
    }

    /** The same question as a property path over the direct edges: (p1|p2|...)+. */
    String dependencyPath() {
        return "(" + String.join("|", directDependencyProperties().stream().map(p -> "<" + p + ">").toList()) + ")+";
    }
}
