package org.w3id.chipgraph.epoch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.input.LoadException;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * Malformed Epoch rows, a changed shipped copy and a bad mapping stop the load with the file
 * and line (exit code 2), before the store is touched: the published version stays as it was.
 * The rows are a fixture of our own (src/test/resources/epoch-fixture: four hardware rows, two
 * models).
 */
class EpochErrorsTest {
    static final Path FIXTURE = TestGraph.PROJECT.resolve("src/test/resources/epoch-fixture");
    @TempDir Path tmp;
    Path project, dir;
    VersionedStore store;
    String publishedBefore;

    @BeforeEach
    void setUp() throws IOException {
        project = ProjectCopy.into(tmp.resolve("project"));
        dir = Files.createDirectories(tmp.resolve("epoch"));
        for (String f : List.of(EpochSource.HARDWARE, EpochSource.MODELS))
            Files.copy(FIXTURE.resolve(f), dir.resolve(f));
        store = new VersionedStore(tmp.resolve("db"));
        load(EpochSource.directory(dir, p -> p.getFileName().toString()));
        publishedBefore = ProjectCopy.treeHash(store.root());
    }

    String load(EpochSource source) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Loader(InputFiles.in(project), List.of(), new PrintStream(log, true, StandardCharsets.UTF_8))
                .withStages(EpochStages.of(source)).load(store);
        return log.toString(StandardCharsets.UTF_8);
    }

    String refused(EpochSource source) {
        LoadException e = assertThrows(LoadException.class, () -> load(source));
        assertEquals(LoadException.INPUT, e.exitCode(), e.getMessage());
        assertEquals(publishedBefore, ProjectCopy.treeHash(store.root()), "a refused load must not change the store");
        return e.getMessage();
    }

    String refused() {
        return refused(EpochSource.directory(dir, p -> p.getFileName().toString()));
    }

    /** The message of the load refused once {@code from} is replaced by {@code to} in {@code file}. */
    String refusedAfter(String file, String from, String to) throws IOException {
        replace(file, from, to);
        return refused();
    }

    void replace(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String s = Files.readString(p);
        assertTrue(s.contains(from), from);
        Files.writeString(p, s.replace(from, to));
    }

    @Test
    void theFixtureLoadsAndReportsItsUnresolvedHardwareName() {
        String log = load(EpochSource.directory(dir, p -> p.getFileName().toString()));
        assertTrue(log.contains("training-hardware names resolved to no chip (1 names, 1 mentions"), log);
        assertTrue(log.contains("  Unknown Chip X (1)"), log);
        assertFalse(log.contains("Nvidia H100 80G ("), "the mapping file resolves 'Nvidia H100 80G': " + log);
    }

    @Test
    void aBadQuantityNamesFileAndLine() throws IOException {
        assertEquals("notable_ai_models.csv:2: bad 'Hardware quantity' value 'lots' (want a number such as 1.5832e+16)", refusedAfter(EpochSource.MODELS, "H20\",256", "H20\",lots"));
        assertEquals("notable_ai_models.csv:2: bad 'Hardware quantity' value '2.5' (want a whole number)", refusedAfter(EpochSource.MODELS, "H20\",lots", "H20\",2.5"));
    }

    @Test
    void aBadDateAnEmptyNameAndADuplicateAreRefused() throws IOException {
        assertEquals("notable_ai_models.csv:3: bad 'Publication date' value '2024-13-01' (want a date YYYY-MM-DD)", refusedAfter(EpochSource.MODELS, "2024-06-01", "2024-13-01"));
        assertEquals("notable_ai_models.csv:3: empty 'Model' (every row needs one)", refusedAfter(EpochSource.MODELS, "Fixture Model B,Fixture Lab,2024-13-01", ",Fixture Lab,2024-06-01"));
        assertEquals("notable_ai_models.csv:3: model 'Fixture Model A' appears twice (also at notable_ai_models.csv:2)", refusedAfter(EpochSource.MODELS, ",Fixture Lab,2024-06-01", "Fixture Model A,Fixture Lab,2024-06-01"));
    }

    @Test
    void aBadHardwareNumberAndAMissingColumnAreRefused() throws IOException {
        replace(EpochSource.HARDWARE, "1.6384e+16", "fast");
        String msg = refused();
        assertTrue(msg.matches("ml_hardware\\.csv:[0-9]+: bad 'Total processing performance \\(bit-OP/s\\)' value 'fast' \\(want a number such as 1\\.5832e\\+16\\)"), msg);
        int line = Integer.parseInt(msg.split(":")[1]);
        assertTrue(Files.readAllLines(dir.resolve(EpochSource.HARDWARE)).get(line - 1).startsWith("Biren BR100,"), "the line is Biren's row");
        replace(EpochSource.MODELS, "Hardware quantity", "Quantity");
        replace(EpochSource.HARDWARE, "fast", "1.6384e+16");
        assertTrue(refused().startsWith("notable_ai_models.csv:1: missing column 'Hardware quantity'"));
    }

    @Test
    void aChangedShippedCopyFailsItsPin() throws IOException {
        Path shipped = project.resolve(EpochSource.SHIPPED_DIR).resolve(EpochSource.HARDWARE);
        Files.writeString(shipped, "\n", StandardOpenOption.APPEND);
        String msg = refused(EpochSource.shipped(InputFiles.in(project)));
        assertTrue(msg.startsWith("data/epoch-ai/ml_hardware.csv: SHA-256 ") && msg.contains("is not the pinned 7d691b6e"), msg);
    }

    @Test
    void aBadMappingRowNamesItsLine() throws IOException {
        Path mapping = project.resolve(EpochStages.MAPPING_FILE);
        Files.writeString(mapping, "chip,NVIDIA H100 PCIe,id:h100,same,,,why\n", StandardOpenOption.APPEND);
        int line = Files.readAllLines(mapping).size();
        assertEquals("data/epoch-mapping.csv:" + line + ": bad kind 'chip' (want one of [hardware, hardware-name, organization, country])", refused());
    }
}
