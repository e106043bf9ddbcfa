package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.eto.EtoStage;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.store.VersionedStore;
import java.nio.file.StandardCopyOption;
import org.w3id.chipgraph.eto.EtoFixture;

/**
 * The bad-input corpus of {@code src/test/resources/bad/} (see its {@code expected.txt}): each
 * file, added to the good data, is refused with the exit code and a message naming the file
 * (with the line, or the subject) and the rule broken, and the published store does not change.
 */
class BadInputsTest {
    static final Path CORPUS = TestGraph.PROJECT.resolve("src/test/resources/bad");
    /** Written by the test: ten megabytes in one literal. */
    static final String BIG_LITERAL = "big-literal.trig";

    @TempDir static Path tmp;
    static Path project;
    static VersionedStore store;
    static String storeHash;

    record Case(String file, int exitCode, List<String> parts) {}

    @BeforeAll
    static void publishTheGoodData() {
        project = ProjectCopy.into(tmp.resolve("project"));
        store = new VersionedStore(tmp.resolve("db"));
        load();
        storeHash = ProjectCopy.treeHash(store.root());
    }

    static LoadReport load() {
        return new Loader(InputFiles.in(project), List.of(), new PrintStream(new ByteArrayOutputStream(), true)).load(store);
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.txt"))) {
            if (line.isBlank() || line.startsWith("#"))
                continue;
            String[] f = line.split("\\s*\\|\\s*");
            cases.add(new Case(f[0].trim(), Integer.parseInt(f[1].trim()), Arrays.asList(f).subList(2, f.length)));
        }
        return cases;
    }

    @Test
    void everyCorpusFileHasAnExpectationAndBack() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            // The ETO case is not a data file: anEtoRowWithTooFewColumnsIsRefused loads it with --eto.
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.txt") && !n.startsWith("eto-")).forEach(files::add);
        }
        files.add(BIG_LITERAL);
        Set<String> expected = new TreeSet<>(cases().stream().map(Case::file).toList());
        assertEquals(files, expected, "files in " + CORPUS + " and lines of expected.txt");
    }

    @TestFactory
    Stream<DynamicTest> eachBadFileIsRefusedWithFileRuleAndNothingPublished() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> {
            Path target = project.resolve("data").resolve(c.file());
            if (c.file().equals(BIG_LITERAL))
                Files.writeString(target, bigLiteral(), StandardCharsets.UTF_8);
            else
                Files.copy(CORPUS.resolve(c.file()), target);
            try {
                LoadException e = assertThrows(LoadException.class, BadInputsTest::load);
                String m = e.getMessage();
                assertEquals(c.exitCode(), e.exitCode(), m);
                int at = 0;
                for (String part : c.parts()) {
                    int found = m.indexOf(part, at);
                    assertTrue(found >= 0, "the message lacks '" + part + "' (after position " + at + "):\n" + m);
                    at = found + part.length();
                }
                assertEquals(storeHash, ProjectCopy.treeHash(store.root()), "a refused load changed the store");
            } finally {
                Files.delete(target);
            }
        }));
    }

    static String bigLiteral() {
        return """
                @prefix id:   <https://w3id.org/chipgraph/id/> .
                @prefix g:    <https://w3id.org/chipgraph/graph/> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                GRAPH g:epoch-ai-ml-hardware {
                    id:h20 rdfs:comment "%s"@en .
                }
                """.formatted("x".repeat(10 * 1024 * 1024));
    }

    /** The ETO importer's case: a provision.csv row with too few columns, loaded with --eto. */
    @Test
    void anEtoRowWithTooFewColumnsIsRefused() throws Exception {
        Path eto = EtoFixture.copy(tmp.resolve("eto-bad"));
        Files.copy(CORPUS.resolve("eto-provision-too-few-columns.csv"), eto.resolve("provision.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        LoadException e = assertThrows(LoadException.class, () -> new Loader(InputFiles.in(project), List.of(),
                new PrintStream(new ByteArrayOutputStream(), true)).withStage(EtoStage.of(EtoFixture.directory(eto))).load(store));
        assertEquals(LoadException.INPUT, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().startsWith("provision.csv:4: 4 field(s), the header has 6"), e.getMessage());
        assertEquals(storeHash, ProjectCopy.treeHash(store.root()), "nothing published");
    }
}
