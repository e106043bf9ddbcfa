package org.w3id.chipgraph.reason;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.bench.SupplyNetworkGenerator;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.LoadReport;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * The dependency index gives the materialized closure: below the closure limit both are in the
 * store and agree pair for pair; above it the closure is not materialized and cgf:dependsOn
 * still gives the same pairs, from the index the loader wrote beside the store version.
 */
class DependencyIndexTest {
    @TempDir static Path tmp;
    static Path network;
    static Set<String> materialized;

    @BeforeAll
    static void generate() {
        network = tmp.resolve("net.trig");
        new SupplyNetworkGenerator(0.1, 11).generate(network);
    }

    static Loader loader(long limit) {
        return new Loader(InputFiles.in(TestGraph.PROJECT), List.of(network), new PrintStream(new ByteArrayOutputStream()))
                .closureLimit(limit).explanationLimit(0);
    }

    static Set<String> pairs(DatasetGraph dsg, String pattern) {
        String q = Chipgraph.PREFIXES + "PREFIX cgf: <" + DependencyFunctions.NS + ">\nSELECT ?a ?b WHERE { " + pattern + " }";
        Set<String> out = new HashSet<>();
        QueryRunner.select(dsg, QueryFactory.create(q), Map.of())
                .forEachRemaining(b -> out.add(b.get(Var.alloc("a")) + " " + b.get(Var.alloc("b"))));
        return out;
    }

    static synchronized Set<String> materialized() {
        if (materialized == null) {
            DatasetGraph dsg = loader(Long.MAX_VALUE).loadInMemory();
            materialized = pairs(dsg, "?a cg:dependsOn ?b");
            assertEquals(materialized, pairs(dsg, "?a cgf:dependsOn ?b"), "below the limit: index = materialized closure");
            Set<String> inverse = new HashSet<>();
            QueryRunner.select(dsg, QueryFactory.create(Chipgraph.PREFIXES + "SELECT ?a ?b { ?b cg:dependencyOf ?a }"), Map.of())
                    .forEachRemaining(b -> inverse.add(b.get(Var.alloc("a")) + " " + b.get(Var.alloc("b"))));
            assertEquals(materialized, inverse, "cg:dependencyOf is the inverse of every pair");
        }
        return materialized;
    }

    @Test
    void belowTheLimitTheIndexGivesTheMaterializedClosure() {
        assertTrue(materialized().size() > 1000, "a generated network has a real closure: " + materialized().size());
    }

    @Test
    void aboveTheLimitNothingIsMaterializedAndThePropertyFunctionGivesTheSamePairsFromTheIndexFile() throws Exception {
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        LoadReport r = loader(1000).load(store);
        Path file = store.locationOf(r.version()).resolve(DependencyIndex.FILE_NAME);
        assertTrue(Files.isRegularFile(file), "the index is written beside the store version");
        DatasetGraph dsg = store.openCurrent();
        try {
            assertNotNull(DependencyIndex.of(dsg.getContext()), "opening a version attaches its index");
            long inferredDeps = Txn.calculateRead(dsg, () -> dsg.getGraph(Chipgraph.GRAPH_INFERRED)
                    .find(null, FastMaterializer.DEPENDS_ON, null).toList().size()
                    + dsg.getGraph(Chipgraph.GRAPH_INFERRED).find(null, FastMaterializer.DEPENDENCY_OF, null).toList().size());
            assertEquals(0, inferredDeps, "above the limit no cg:dependsOn / cg:dependencyOf pair is materialized");
            assertEquals(materialized(), pairs(dsg, "?a cgf:dependsOn ?b"));
            // One side bound, both ways, and both bound.
            String hub = Chipgraph.ID + "syn-acc-0";
            Set<String> dependents = pairs(dsg, "?a cgf:dependsOn <" + hub + "> BIND(<" + hub + "> AS ?b)");
            Set<String> want = new HashSet<>();
            materialized().forEach(p -> { if (p.endsWith(" " + hub)) want.add(p); });
            assertFalse(want.isEmpty());
            assertEquals(want, dependents);
            String someone = want.iterator().next().split(" ")[0];
            assertEquals(Set.of(someone + " " + hub), pairs(dsg, "BIND(<" + someone + "> AS ?a) BIND(<" + hub + "> AS ?b) ?a cgf:dependsOn ?b"));
        } finally {
            TDBInternal.expel(dsg);
        }
        assertEquals(DependencyIndex.read(file).countAllPairs(), materialized().size());
    }

    @Test
    void cyclesAndSelfLoopsFollowTheRules() {
        // a -> b -> a, b -> c, d -> d: rule 60 never derives x dependsOn x; a direct self-edge stays.
        DependencyIndex idx = DependencyIndex.fromEdges(new String[] {"a", "b", "c", "d"},
                new int[] {0, 1, 1, 3, 0}, new int[] {1, 0, 2, 3, 1});
        assertArrayEquals(new int[] {1, 2}, idx.reach(0, true));
        assertArrayEquals(new int[] {3}, idx.reach(3, true));
        assertArrayEquals(new int[] {1, 0}, idx.reach(2, false));
        assertFalse(idx.dependsOn(0, 0));
        assertTrue(idx.dependsOn(3, 3));
        assertTrue(idx.dependsOn(0, 2));
        assertEquals(2 + 2 + 0 + 1, idx.countAllPairs());
        assertEquals(3, idx.edgeCount(), "duplicates and self-loops are not edges");
        assertArrayEquals(new int[] {1}, idx.first(0, true, 1), "the first answers are the nearest");
        assertArrayEquals(new int[] {3}, idx.first(3, true, 5));
        idx.computeCounts();
        for (int n = 0; n < 4; n++)
            for (boolean f : new boolean[] {true, false})
                assertEquals(idx.reach(n, f).length, idx.reachCount(n, f), "count kept for node " + n);
    }

    @Test
    void theIndexFileRoundTrips() {
        DependencyIndex idx = DependencyIndex.fromEdges(new String[] {"https://x/a", "https://x/한", "c"},
                new int[] {0, 1, 2}, new int[] {1, 2, 2});
        idx.computeCounts();
        Path f = tmp.resolve("i.bin");
        idx.write(f);
        DependencyIndex back = DependencyIndex.read(f);
        assertEquals(idx.size(), back.size());
        assertEquals(1, back.idOf("https://x/한"));
        assertArrayEquals(idx.reach(0, true), back.reach(0, true));
        assertTrue(back.hasSelfLoop(2));
        assertTrue(back.hasCounts());
        assertEquals(idx.countAllPairs(), back.countAllPairs());
        assertEquals(3, back.reachCount(2, false), "b, a and c itself (its own self-dependency)");
    }
}
