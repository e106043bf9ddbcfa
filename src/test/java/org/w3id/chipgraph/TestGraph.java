package org.w3id.chipgraph;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.chipgraph.epoch.EpochSource;
import org.w3id.chipgraph.epoch.EpochStages;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;

/**
 * The project's own curated graph (ontology/ and data/ of this checkout, without the Epoch AI
 * datasets), loaded once into memory through the real loader and shared by the tests that only read it.
 */
public final class TestGraph {
    private TestGraph() {}

    /** The checkout's root: Maven runs tests there. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

    private static DatasetGraph dataset;
    private static String loadLog;

    public static synchronized DatasetGraph dataset() {
        if (dataset == null) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            dataset = new Loader(InputFiles.in(PROJECT), List.of(), new PrintStream(buf, true, StandardCharsets.UTF_8)).loadInMemory();
            loadLog = buf.toString(StandardCharsets.UTF_8);
        }
        return dataset;
    }

    private static DatasetGraph full;
    private static String fullLog;

    /**
     * The curated graph with both Epoch AI datasets (the copies shipped in data/epoch-ai/), as
     * {@code ./chipgraph load} loads it by default. {@link #dataset()} leaves them out, so the
     * tests of the curated graph keep their exact counts.
     */
    public static synchronized DatasetGraph full() {
        if (full == null) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            InputFiles files = InputFiles.in(PROJECT);
            full = new Loader(files, List.of(), new PrintStream(buf, true, StandardCharsets.UTF_8))
                    .withStages(EpochStages.of(EpochSource.shipped(files))).loadInMemory();
            fullLog = buf.toString(StandardCharsets.UTF_8);
        }
        return full;
    }

    public static synchronized String fullLoadLog() {
        full();
        return fullLog;
    }

    public static synchronized String loadLog() {
        dataset();
        return loadLog;
    }
}
