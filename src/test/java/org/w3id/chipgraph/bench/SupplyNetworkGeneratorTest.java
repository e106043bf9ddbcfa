package org.w3id.chipgraph.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import java.util.Arrays;

/** The synthetic network: same seed, same bytes; the edge count the scale asks for; it passes the loader's gate. */
class SupplyNetworkGeneratorTest {
    @TempDir Path tmp;

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherNetwork() throws Exception {
        Path a = tmp.resolve("a.trig"), b = tmp.resolve("b.trig"), c = tmp.resolve("c.trig");
        var sa = new SupplyNetworkGenerator(0.3, 7).generate(a);
        new SupplyNetworkGenerator(0.3, 7).generate(b);
        new SupplyNetworkGenerator(0.3, 8).generate(c);
        assertEquals(sha256(a), sha256(b), "same scale and seed, same bytes");
        assertNotEquals(sha256(a), sha256(c), "another seed, another network");
        assertEquals(SupplyNetworkGenerator.targetEdges(0.3), sa.edges(), "the scale sets the number of direct edges");
        assertEquals(sa.edges(), sa.edgesPerProperty().values().stream().mapToInt(Integer::intValue).sum());
        // Every dependency property of the layered chain is used.
        sa.edgesPerProperty().forEach((p, n) -> assertTrue(n > 0, p + " has no edges"));
    }

    @Test
    void inDegreesAreHeavyTailed() {
        var s = new SupplyNetworkGenerator(1, 42).generateStats();
        int[] in = new int[s.nodeCount()];
        for (int t : s.edgeTo()) in[t]++;
        int max = Arrays.stream(in).max().orElse(0);
        double mean = (double) s.edges() / s.nodeCount();
        assertTrue(max > 50 * mean, "the largest hub has " + max + " dependents, the mean in-degree is " + mean);
    }

    @Test
    void theGeneratedFileParsesAndLoadsThroughTheGate() throws Exception {
        Path f = tmp.resolve("net.trig");
        var s = new SupplyNetworkGenerator(0.05, 1).generate(f);
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.source(f).parse(dsg);
        assertEquals(s.quads(), dsg.stream().count(), "the triples the generator counts are the ones written");
        assertEquals(0, dsg.getDefaultGraph().size(), "every triple is in a named graph");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DatasetGraph loaded = new Loader(InputFiles.in(TestGraph.PROJECT), List.of(f), new PrintStream(log, true)).loadInMemory();
        assertNotNull(loaded, log.toString());
    }
}
