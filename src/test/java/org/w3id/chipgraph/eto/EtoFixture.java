package org.w3id.chipgraph.eto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;

/** The project's own small ETO fixture (src/test/resources/eto-fixture) and loads that use it. */
public final class EtoFixture {
    private EtoFixture() {}

    public static final Path DIR = TestGraph.PROJECT.resolve("src/test/resources/eto-fixture");

    public record Loaded(DatasetGraph dataset, String log) {}

    private static Loaded projectWithFixture;

    /** The project loaded once with the fixture import, shared by tests that only read it. */
    public static synchronized Loaded projectWithFixture() {
        if (projectWithFixture == null)
            projectWithFixture = load(TestGraph.PROJECT, directory(DIR));
        return projectWithFixture;
    }

    /** The project (or a copy of it) loaded in memory with the ETO import from {@code source}. */
    public static Loaded load(Path project, EtoSource source) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DatasetGraph dsg = new Loader(InputFiles.in(project), List.of(), new PrintStream(buf, true, StandardCharsets.UTF_8))
                .withStage(EtoStage.of(source)).loadInMemory();
        return new Loaded(dsg, buf.toString(StandardCharsets.UTF_8));
    }

    public static EtoSource directory(Path dir) {
        return EtoSource.directory(dir, p -> p.getFileName().toString().endsWith(".csv") ? p.getFileName().toString() : p.toString());
    }

    /** A copy of the fixture that a test may break. */
    public static Path copy(Path to) {
        try {
            Files.createDirectories(to);
            for (String f : EtoDataset.FILES)
                Files.copy(DIR.resolve(f), to.resolve(f));
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replace one line (1-based) of a fixture copy's file. */
    static void replaceLine(Path dir, String file, int line, String text) {
        try {
            Path p = dir.resolve(file);
            String s = Files.readString(p, StandardCharsets.UTF_8);
            String[] lines = s.split("\r\n", -1);
            lines[line - 1] = text;
            Files.writeString(p, String.join("\r\n", lines), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
