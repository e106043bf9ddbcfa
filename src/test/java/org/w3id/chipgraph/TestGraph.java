package org.w3id.chipgraph;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;

/**
 * The project's own curated graph (ontology/ and data/ of this checkout), loaded once into
 * memory through the real loader and shared by the tests that only read it.
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

    public static synchronized String loadLog() {
        dataset();
        return loadLog;
    }
}
