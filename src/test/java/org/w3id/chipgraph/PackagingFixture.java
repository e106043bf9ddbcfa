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
 * The curated graph plus src/test/resources/fixtures/packaging-supplier.trig (a made-up chip that
 * TSMC packages), loaded once through the real loader: the facts name no packager of a real chip.
 */
public final class PackagingFixture {
    private PackagingFixture() {}

    public static final Path FILE = TestGraph.PROJECT.resolve("src/test/resources/fixtures/packaging-supplier.trig");
    private static DatasetGraph dataset;

    public static synchronized DatasetGraph dataset() {
        if (dataset == null) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            dataset = new Loader(InputFiles.in(TestGraph.PROJECT), List.of(FILE), new PrintStream(buf, true, StandardCharsets.UTF_8))
                    .loadInMemory();
        }
        return dataset;
    }
}
