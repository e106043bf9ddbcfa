package org.w3id.chipgraph.reason;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.bench.SupplyNetworkGenerator;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.serve.ChipgraphServer;
import org.w3id.chipgraph.serve.ServerOptions;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * cg:dependsOn means the same at every size (issue 17): above the closure limit no
 * cg:dependsOn triple is stored, and the patterns {@code ?x cg:dependsOn N}, {@code N
 * cg:dependsOn ?y}, {@code cg:dependsOn+} and the same inside FILTER EXISTS answer from the
 * dependency index, through the query engine and through Fuseki's /chipgraph/sparql; below
 * it they answer from the materialized closure, and the two agree.
 */
class DependsOnFromIndexTest {
    @TempDir
    static Path tmp;
    static Path network;

    @BeforeAll
    static void generate() {
        network = tmp.resolve("net.trig");
        new SupplyNetworkGenerator(0.3, 5).generate(network);
    }

    static Loader loader(long limit) {
        return new Loader(InputFiles.in(TestGraph.PROJECT), List.of(network), new PrintStream(new ByteArrayOutputStream()))
                .closureLimit(limit).explanationLimit(0);
    }

    static final List<String> SHAPES = List.of(
            "SELECT (COUNT(*) AS ?n) { ?x cg:dependsOn <N> }",
            "SELECT (COUNT(*) AS ?n) { <N> cg:dependsOn ?y }",
            "SELECT (COUNT(*) AS ?n) { ?x cg:dependsOn+ <N> }",
            "SELECT (COUNT(*) AS ?n) { ?y ^cg:dependsOn+ <N> }",
            "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x rdfs:label ?l FILTER EXISTS { ?x cg:dependsOn <N> } }",
            // The inverse, cg:dependencyOf (queries/dependents.rq asks it), each way and as a path.
            "SELECT (COUNT(*) AS ?n) { <N> cg:dependencyOf ?x }",
            "SELECT (COUNT(*) AS ?n) { ?y cg:dependencyOf <N> }",
            "SELECT (COUNT(*) AS ?n) { <N> cg:dependencyOf+ ?x }");

    static long count(DatasetGraph dsg, String shape, String node) {
        String q = Chipgraph.PREFIXES + shape.replace("<N>", "<" + node + ">");
        return Txn.calculateRead(dsg, () -> ((Number) QueryRunner.select(dsg, QueryFactory.create(q), Map.of())
                .next().get("n").getLiteralValue()).longValue());
    }

    /** The 10 nodes most depended on, then 20 at random. */
    static List<Integer> sample(DependencyIndex idx) {
        List<Integer> s = new ArrayList<>(IntStream.range(0, idx.size()).boxed()
                .sorted(Comparator.comparingInt((Integer n) -> idx.reachCount(n, false)).reversed()).limit(10).toList());
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 20; i++)
            s.add(rnd.nextInt(idx.size()));
        return s;
    }

    @Test
    void aboveTheLimitCountsComeFromTheIndexOnEveryRoute() {
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        loader(100).load(store);
        DatasetGraph dsg = store.openCurrent();
        FusekiServer server = ChipgraphServer.build(dsg, new ServerOptions(0, Duration.ofSeconds(30), true));
        server.start();
        try {
            String sparql = "http://localhost:" + server.getHttpPort() + "/chipgraph/sparql";
            DependencyIndex idx = DependencyFunctions.indexOf(dsg);
            assertTrue(idx.countAllPairs() > 100, "the closure is over the limit");
            assertFalse(Txn.calculateRead(dsg, () -> dsg.find(null, null, DependsOnFromIndex.DEPENDS_ON, null).hasNext()),
                    "no cg:dependsOn triple is stored above the limit");
            long hubDependents = 0;
            for (int n : sample(idx)) {
                String iri = idx.iri(n);
                long up = idx.reachCount(n, false), down = idx.reachCount(n, true);
                hubDependents = Math.max(hubDependents, up);
                assertEquals(up, count(dsg, SHAPES.get(0), iri), "who depends on " + iri);
                assertEquals(down, count(dsg, SHAPES.get(1), iri), "what " + iri + " depends on");
                assertEquals(up, count(dsg, SHAPES.get(2), iri), "cg:dependsOn+ to " + iri);
                assertEquals(down, count(dsg, SHAPES.get(3), iri), "^cg:dependsOn+ from " + iri);
                assertEquals(up, count(dsg, SHAPES.get(5), iri), iri + " cg:dependencyOf ?x");
                assertEquals(down, count(dsg, SHAPES.get(6), iri), "?y cg:dependencyOf " + iri);
                assertEquals(up, count(dsg, SHAPES.get(7), iri), iri + " cg:dependencyOf+ ?x");
                String q = Chipgraph.PREFIXES + SHAPES.get(0).replace("<N>", "<" + iri + ">");
                try (var qe = QueryExecHTTP.service(sparql).query(q).build()) {
                    assertEquals(up, ((Number) qe.select().next().get("n").getLiteralValue()).longValue(), "via Fuseki, " + iri);
                }
            }
            assertTrue(hubDependents > 20, "the sample holds hubs (largest " + hubDependents + ")");
        } finally {
            server.stop();
        }
    }

    @Test
    void belowTheLimitTheMaterializedClosureAndTheIndexAgree() {
        DatasetGraph materialized = loader(Long.MAX_VALUE).loadInMemory();
        DatasetGraph indexed = loader(100).loadInMemory();
        assertNull(materialized.getContext().get(DependsOnFromIndex.KEY), "a materialized closure is read as stored");
        assertTrue(indexed.getContext().isTrue(DependsOnFromIndex.KEY));
        DependencyIndex idx = DependencyFunctions.indexOf(indexed);
        for (int n : sample(idx))
            for (String shape : SHAPES) {
                long stored = count(materialized, shape, idx.iri(n));
                assertEquals(stored, count(indexed, shape, idx.iri(n)), shape + " for " + idx.iri(n));
            }
        // Inside GRAPH the pattern asks about named graphs' own triples: left as written.
        String inGraph = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?x cg:dependsOn <N> } }";
        int hub = sample(idx).get(0);
        assertEquals(0, count(indexed, inGraph, idx.iri(hub)));
        assertEquals(idx.reachCount(hub, false), count(materialized, inGraph, idx.iri(hub)));
    }
}
