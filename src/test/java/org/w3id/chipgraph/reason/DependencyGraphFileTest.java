package org.w3id.chipgraph.reason;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.bench.SupplyNetworkGenerator;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * The dependency graph and chokepoint ranking the loader writes beside a store version (issue
 * 17: what-if from structures computed once per version) are what a server would build from
 * the written store through SPARQL: the same entities, edges by role with their sources,
 * labels and kinds of need, the same ranking, and the same impact answers, on the curated
 * graph and on a generated network. A file that cannot be read is passed over, not fatal.
 */
class DependencyGraphFileTest {
    @TempDir
    Path tmp;

    @Test
    void curatedStoreGraphFileMatchesTheStore() {
        compareWithStore(List.of(), 0);
    }

    @Test
    void generatedNetworkGraphFileMatchesTheStore() {
        Path f = tmp.resolve("net.trig");
        new SupplyNetworkGenerator(0.3, 7).generate(f);
        compareWithStore(List.of(f), 7);
    }

    /**
     * The loader reads the graph by scanning its dataset ({@link DependencyGraph#fromDataset});
     * a server without the file reads it through SPARQL. Both read the same, as of no date and as
     * of dates whose supply records leave edges out (TSMC stopped supplying Huawei in 2020).
     */
    @Test
    void scanningTheDatasetReadsWhatSparqlReads() {
        DatasetGraph dsg = TestGraph.full();
        Map<LocalDate, Integer> edges = new HashMap<>();
        for (LocalDate asOf : Arrays.asList(null, LocalDate.of(2020, 9, 30), LocalDate.of(2020, 10, 1))) {
            DependencyGraph bySparql = DependencyGraph.load(q -> QueryRunner.selectUntimed(dsg, q), asOf);
            DependencyGraph byScan = Txn.calculateRead(dsg, () -> DependencyGraph.fromDataset(dsg, asOf));
            assertSameGraph(bySparql, byScan);
            edges.put(asOf, byScan.edgeCount());
        }
        assertTrue(edges.get(null) > 1000, "the curated graph with Epoch has its edges: " + edges);
        assertEquals(edges.get(null), edges.get(LocalDate.of(2020, 9, 30)), "on its last day the supply still holds");
        assertTrue(edges.get(LocalDate.of(2020, 10, 1)) < edges.get(null), "the day after, its edges are left out: " + edges);
    }

    private void compareWithStore(List<Path> extra, long seed) {
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        new Loader(InputFiles.in(TestGraph.PROJECT), extra, new PrintStream(new ByteArrayOutputStream(), true)).load(store);
        Path version = store.locationOf(store.currentVersion().orElseThrow());
        assertTrue(Files.isRegularFile(version.resolve(DependencyGraphFile.FILE_NAME)), "the loader wrote the graph file");
        DependencyGraph fromFile = DependencyGraphFile.read(version.resolve(DependencyGraphFile.FILE_NAME));
        DatasetGraph dsg = store.openCurrent();
        try {
            DependencyGraph fromStore = DependencyGraph.load(q -> QueryRunner.selectUntimed(dsg, q));
            assertSameGraph(fromStore, fromFile);
            assertNotNull(fromFile.precomputedRanking());
            assertEquals(ranking(fromStore, new Chokepoints(fromStore).ranking()), ranking(fromFile, fromFile.precomputedRanking()),
                    "the ranking written at load is the one computed from the store");
            assertSameImpact(fromStore, fromFile, seed);
            assertSame(DependencyFunctions.loadGraph(dsg), DependencyGraphFile.of(dsg.getContext()),
                    "queries on the opened version use the file's graph");
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    static void assertSameGraph(DependencyGraph want, DependencyGraph got) {
        assertEquals(nodes(want), nodes(got), "entities");
        assertEquals(edges(want), edges(got), "edges by role, with their sources");
        for (int x = 0; x < want.size(); x++)
            assertEquals(want.label(x), got.label(got.idOf(want.iri(x))), "label of " + want.iri(x));
        assertEquals(want.propertyLabels(), got.propertyLabels(), "property labels");
        assertEquals(want.superProperties(), got.superProperties(), "super-properties");
        for (String p : want.superProperties().keySet()) {
            assertEquals(want.isPartial(p), got.isPartial(p), "partial: " + p);
            assertEquals(want.isJoint(p), got.isJoint(p), "joint: " + p);
        }
        for (int x = 0; x < want.size(); x++)
            assertEquals(want.isProductWithUnknownSupply(x), got.isProductWithUnknownSupply(got.idOf(want.iri(x))), want.iri(x));
    }

    private static Set<String> nodes(DependencyGraph g) {
        Set<String> out = new TreeSet<>();
        for (int x = 0; x < g.size(); x++) out.add(g.iri(x));
        return out;
    }

    private static Set<String> edges(DependencyGraph g) {
        Set<String> out = new HashSet<>();
        for (DependencyGraph.Edge e : g.edges())
            out.add(g.iri(e.from()) + " " + e.property() + " " + g.iri(e.to()) + " " + new TreeSet<>(e.sources().stream()
                    .map(s -> s.iri() + "|" + s.title() + "|" + s.graph()).toList()));
        assertEquals(g.edgeCount(), out.size(), "no edge twice");
        return out;
    }

    private static List<String> ranking(DependencyGraph g, List<Chokepoints.Ranked> ranked) {
        return ranked.stream().map(r -> g.iri(r.node()) + " " + r.failed() + " " + r.partial()).toList();
    }

    /** The 10 largest hubs and 100 nodes at random: each removal's failures and losses, by IRI. */
    private static void assertSameImpact(DependencyGraph want, DependencyGraph got, long seed) {
        List<Integer> sample = new ArrayList<>(IntStream.range(0, want.size()).boxed()
                .sorted(Comparator.comparingInt(want::inDegree).reversed()).limit(10).toList());
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 100; i++) sample.add(rnd.nextInt(want.size()));
        int withFailures = 0;
        for (int x : sample) {
            Map<String, String> a = impact(want, x), b = impact(got, got.idOf(want.iri(x)));
            if (!a.equals(b)) {
                Map<String, String> onlyA = new TreeMap<>(a), onlyB = new TreeMap<>(b);
                onlyA.entrySet().removeAll(b.entrySet());
                onlyB.entrySet().removeAll(a.entrySet());
                fail("removing " + want.iri(x) + ": from the store " + cut(onlyA) + ", from the file " + cut(onlyB));
            }
            withFailures += a.values().stream().anyMatch(v -> v.startsWith("fails")) ? 1 : 0;
        }
        assertTrue(withFailures > 0, "some removal in the sample fails something");
    }

    private static String cut(Map<String, String> m) {
        String s = m.toString();
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    private static Map<String, String> impact(DependencyGraph g, int node) {
        ImpactAnalysis.Result r = new ImpactAnalysis(g).remove(List.of(node));
        Map<String, String> out = new TreeMap<>();
        for (ImpactAnalysis.Failure f : r.failed())
            out.put(g.iri(f.node()), "fails " + f.need() + " " + f.lost().stream().map(g::iri).toList());
        for (ImpactAnalysis.Partial p : r.partial())
            out.put(g.iri(p.node()), "loses " + p.lostDependencies().stream().map(g::iri).toList());
        return out;
    }

    @Test
    void anUnreadableFileIsPassedOverAndTheGraphIsBuiltFromTheStore() throws Exception {
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        new Loader(InputFiles.in(TestGraph.PROJECT), List.of(), new PrintStream(new ByteArrayOutputStream(), true)).load(store);
        Path version = store.locationOf(store.currentVersion().orElseThrow());
        Files.write(version.resolve(DependencyGraphFile.FILE_NAME), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        DatasetGraph dsg = store.openCurrent();
        try {
            assertNull(DependencyGraphFile.of(dsg.getContext()), "a file in another format is not used");
            DependencyGraph g = DependencyFunctions.loadGraph(dsg);
            assertNull(g.precomputedRanking(), "built from the store, without a ranking");
            assertSameGraph(DependencyGraph.load(q -> QueryRunner.selectUntimed(dsg, q)), g);
        } finally {
            TDBInternal.expel(dsg);
        }
    }
}
