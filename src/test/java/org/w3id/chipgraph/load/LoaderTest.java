package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.store.VersionedStore;
import java.nio.charset.StandardCharsets;

/** The loader on good and bad inputs: a bad input is refused with a precise message and the published store is untouched. */
class LoaderTest {
    @TempDir Path tmp;
    Path project;
    VersionedStore store;
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        project = ProjectCopy.into(tmp.resolve("project"));
        store = new VersionedStore(tmp.resolve("db"));
    }

    LoadReport load() {
        return new Loader(InputFiles.in(project), List.of(), new PrintStream(log, true)).load(store);
    }

    @Test
    void goodLoadPublishesAVersionWithAssertedAndInferredGraphs() {
        LoadReport r = load();
        assertEquals(store.currentVersion().orElseThrow(), r.version());
        assertTrue(r.total() >= 1000, "the curated graph has at least 1,000 triples, got " + r.total());
        assertTrue(r.inferred() > 0, "inference added nothing");
        assertTrue(r.triplesPerGraph().containsKey(Chipgraph.GRAPH_ONTOLOGY.getURI()));
        assertTrue(r.triplesPerGraph().containsKey(Chipgraph.GRAPH_INFERRED.getURI()));
        String out = log.toString();
        assertTrue(out.contains("validating with SHACL") && out.contains("reasoning") && out.contains("Triples per graph"), out);

        DatasetGraph dsg = store.openCurrent();
        try {
            long n = Txn.calculateRead(dsg, () -> dsg.stream().count());
            assertEquals(r.total(), n);
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    @Test
    void aSecondLoadSwitchesThePointerAndKeepsOnePreviousVersion() {
        String first = load().version();
        String second = load().version();
        assertNotEquals(first, second);
        assertEquals(second, store.currentVersion().orElseThrow());
        String third = load().version();
        assertEquals(third, store.currentVersion().orElseThrow());
        assertFalse(Files.exists(store.locationOf(first)), "versions older than the previous one are pruned");
        assertTrue(Files.exists(store.locationOf(second)));
    }

    @Test
    void turtleSyntaxErrorNamesFileAndLineAndLeavesTheStoreUntouched() throws Exception {
        load();
        String before = ProjectCopy.treeHash(store.root());
        Path bad = project.resolve("data/zz-broken.trig");
        Files.writeString(bad, """
                @prefix cg: <https://w3id.org/chipgraph/ontology#> .
                <https://w3id.org/chipgraph/graph/register> {
                  <https://w3id.org/chipgraph/id/x> a cg:Chip ;
                      cg:tpp 12 12 .
                }
                """);
        LoadException e = assertThrows(LoadException.class, this::load);
        assertEquals(LoadException.INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("data/zz-broken.trig:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
        assertEquals(before, ProjectCopy.treeHash(store.root()), "a refused load must not change the store");
    }

    /** SHACL fails while the new version is already being written beside it (ConcurrentWrite): that version goes. */
    @Test
    void shaclViolationNamesFocusNodePathAndMessage() throws Exception {
        load();
        String before = ProjectCopy.treeHash(store.root());
        Files.writeString(project.resolve("data/zz-negative-tpp.trig"), """
                @prefix cg: <https://w3id.org/chipgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <https://w3id.org/chipgraph/graph/register> {
                  <https://w3id.org/chipgraph/id/test-bad-chip> a cg:Accelerator ;
                      rdfs:label "Bad chip"@en, "나쁜 칩"@ko ;
                      cg:tpp "-5"^^xsd:decimal .
                }
                """);
        LoadException e = assertThrows(LoadException.class, this::load);
        assertEquals(LoadException.VALIDATION, e.exitCode());
        String m = e.getMessage();
        assertTrue(m.contains("data/zz-negative-tpp.trig: id:test-bad-chip cg:tpp"), m);
        assertEquals(before, ProjectCopy.treeHash(store.root()));
    }

    @Test
    void entityWithoutEnglishLabelIsRefused() throws Exception {
        Files.writeString(project.resolve("data/zz-unlabelled.trig"), """
                @prefix cg: <https://w3id.org/chipgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/chipgraph/graph/register> {
                  <https://w3id.org/chipgraph/id/test-nameless> a cg:Company ; rdfs:label "이름 없음"@ko .
                }
                """);
        LoadException e = assertThrows(LoadException.class, this::load);
        assertEquals(LoadException.VALIDATION, e.exitCode());
        assertTrue(e.getMessage().contains("id:test-nameless"), e.getMessage());
        assertFalse(store.hasPublishedVersion(), "nothing is published by a refused first load");
    }

    @Test
    void missingRequiredFileIsNamed() throws Exception {
        load();
        String before = ProjectCopy.treeHash(store.root());
        Files.delete(project.resolve("ontology/shapes.ttl"));
        LoadException e = assertThrows(LoadException.class, this::load);
        assertEquals(LoadException.INPUT, e.exitCode());
        assertEquals("ontology/shapes.ttl: missing file (required input of every load)", e.getMessage());
        assertEquals(before, ProjectCopy.treeHash(store.root()));
    }

    @Test
    void missingExtraFileIsNamed() {
        Path extra = project.resolve("data/extra/none.trig");
        LoadException e = assertThrows(LoadException.class,
                () -> new Loader(InputFiles.in(project), List.of(extra), new PrintStream(log, true)).load(store));
        assertEquals("data/extra/none.trig: missing file (named on the command line)", e.getMessage());
    }

    @Test
    void factsOutsideASourceGraphAreRefused() throws Exception {
        Files.writeString(project.resolve("data/zz-default-graph.trig"), """
                <https://w3id.org/chipgraph/id/a> <https://w3id.org/chipgraph/ontology#usesChip> <https://w3id.org/chipgraph/id/b> .
                """);
        LoadException e = assertThrows(LoadException.class, this::load);
        assertEquals("data/zz-default-graph.trig: 1 triple(s) outside any GRAPH block; every fact must be written inside the named graph of its source",
                e.getMessage());
    }

    @Test
    void aGraphWithoutSourceIsRefused() throws Exception {
        Files.writeString(project.resolve("data/zz-unsourced.trig"), """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/chipgraph/graph/nowhere> {
                  <https://w3id.org/chipgraph/id/nvidia> rdfs:comment "a fact from nowhere"@en .
                }
                """);
        LoadException e = assertThrows(LoadException.class, this::load);
        assertEquals(LoadException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("graph <https://w3id.org/chipgraph/graph/nowhere> has no source"), e.getMessage());
    }

    @Test
    void notUtf8IsRefusedWithItsLine() throws Exception {
        byte[] latin1 = "# ok\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(project.resolve("data/zz-latin1.trig"), latin1);
        LoadException e = assertThrows(LoadException.class, this::load);
        assertTrue(e.getMessage().startsWith("data/zz-latin1.trig:2: not valid UTF-8"), e.getMessage());
    }
}
