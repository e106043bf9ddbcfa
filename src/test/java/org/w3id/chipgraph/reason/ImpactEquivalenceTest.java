package org.w3id.chipgraph.reason;

import static java.util.stream.Collectors.toCollection;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.bench.PerRemovalImpact;
import org.w3id.chipgraph.bench.SupplyNetworkGenerator;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * The what-if analysis that walks only what a removal reaches (issue 17) gives exactly the
 * answers of the former computation, which walked the whole graph per affected node
 * ({@link PerRemovalImpact}): the same failures in the same order with the same need and lost
 * alternatives, the same partly affected entities with the same losses, and the same
 * chokepoint ranking, on the curated graph and on generated networks with joint (all needed)
 * and alternative (any one) needs.
 */
class ImpactEquivalenceTest {
    @TempDir
    Path tmp;

    @Test
    void everySingleRemovalAndSomeJointRemovalsOnTheCuratedGraph() {
        DatasetGraph dsg = TestGraph.dataset();
        DependencyGraph g = DependencyGraph.load(q -> QueryRunner.select(dsg, q, Map.of()));
        int compared = compareAll(g, IntStream.range(0, g.size()).boxed().toList(), 42);
        assertEquals(g.size() + 30, compared, "every entity of the curated graph, then 30 joint removals");
        assertTrue(g.size() > 40, "the curated dependency graph has " + g.size() + " entities");
        assertRankingSame(g);
    }

    @Test
    void sampledRemovalsOnGeneratedNetworks() {
        for (long seed : new long[] {3, 11}) {
            Path f = tmp.resolve("net-" + seed + ".trig");
            new SupplyNetworkGenerator(0.3, seed).generate(f);
            DatasetGraph dsg = new Loader(InputFiles.in(TestGraph.PROJECT), List.of(f),
                    new PrintStream(new ByteArrayOutputStream(), true)).loadInMemory();
            DependencyGraph g = DependencyGraph.load(q -> QueryRunner.select(dsg, q, Map.of()));
            assertTrue(g.edges().stream().anyMatch(e -> g.isJoint(e.property())), "the network has joint needs");
            assertTrue(g.edges().stream().anyMatch(e -> !g.isJoint(e.property()) && !g.isPartial(e.property())),
                    "the network has needs with alternatives");
            // The 10 largest hubs, then 200 nodes at random.
            List<Integer> sample = new ArrayList<>(IntStream.range(0, g.size()).boxed()
                    .sorted(Comparator.comparingInt(g::inDegree).reversed()).limit(10).toList());
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < 200; i++)
                sample.add(rnd.nextInt(g.size()));
            compareAll(g, sample, seed);
            assertRankingSame(g);
        }
    }

    /** Compares single removals of {@code nodes} and some joint removals; returns how many removals it compared. */
    static int compareAll(DependencyGraph g, List<Integer> nodes, long seed) {
        ImpactAnalysis fast = new ImpactAnalysis(g);
        PerRemovalImpact old = new PerRemovalImpact(g);
        int withFailures = 0, compared = 0;
        for (int x : nodes) {
            ImpactAnalysis.Result expected = old.remove(List.of(x));
            assertEquals(expected, fast.remove(List.of(x)), "removing " + g.iri(x));
            assertArrayEquals(new int[] {expected.failed().size(), expected.partial().size()}, fast.counts(x), g.iri(x));
            // The node sets the SPARQL functions (cgf:failsWithout, cgf:losesSomeWithout) answer.
            BitSet[] sets = fast.affectedSets(x, Deadline.NONE);
            TreeSet<Integer> fails = new TreeSet<>(), losesSome = new TreeSet<>();
            expected.failed().forEach(f -> fails.add(f.node()));
            expected.partial().forEach(p -> losesSome.add(p.node()));
            assertEquals(fails, sets[0].stream().boxed().collect(toCollection(TreeSet::new)), "fail without " + g.iri(x));
            assertEquals(losesSome, sets[1].stream().boxed().collect(toCollection(TreeSet::new)), "lose some without " + g.iri(x));
            assertEquals(expected.failed().size(), fast.failedCount(x), g.iri(x));
            // Losses listed only for the first few partly affected, the rest counted.
            ImpactAnalysis.Result few = fast.remove(List.of(x), Deadline.NONE, 3);
            assertEquals(expected.partial().subList(0, Math.min(3, expected.partial().size())), few.partial(), g.iri(x));
            assertEquals(expected.partial().size(), few.partialTotal(), g.iri(x));
            assertEquals(expected.failed(), few.failed(), g.iri(x));
            withFailures += expected.failed().isEmpty() ? 0 : 1;
            compared++;
        }
        assertTrue(withFailures > 0, "no removal made anything fail: the comparison would prove little");
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 30; i++) {
            List<Integer> set = new ArrayList<>();
            for (int k = 1 + rnd.nextInt(5); k > 0; k--)
                set.add(nodes.get(rnd.nextInt(nodes.size())));
            assertEquals(old.remove(set), fast.remove(set), "removing " + set);
            compared++;
        }
        return compared;
    }

    static void assertRankingSame(DependencyGraph g) {
        PerRemovalImpact old = new PerRemovalImpact(g);
        List<Chokepoints.Ranked> expected = new ArrayList<>();
        for (int x = 0; x < g.size(); x++) {
            if (g.in(x).length == 0)
                continue;
            ImpactAnalysis.Result r = old.remove(List.of(x));
            expected.add(new Chokepoints.Ranked(x, r.failed().size(), r.partial().size()));
        }
        expected.sort(Chokepoints.ORDER.apply(g));
        assertEquals(expected, new Chokepoints(g).ranking());
    }
}
