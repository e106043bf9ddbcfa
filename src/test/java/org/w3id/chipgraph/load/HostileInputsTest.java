package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.LoopbackListener;
import org.w3id.chipgraph.ProjectCopy;

/**
 * Issue 12, the loader: a JSON-LD input never makes it fetch a context (http:, file:, @import),
 * and a symbolic link in data/ or ontology/ that leads out of the project is refused. Each
 * refusal is a load error (exit code 2) naming the file and the rule, before anything is read
 * from the place named.
 */
class HostileInputsTest {
    static final String SECRET = "urn:secret-term-mapping-5512";

    @TempDir static Path tmp;
    static Path project;

    @BeforeAll
    static void copy() {
        project = ProjectCopy.into(tmp.resolve("project"));
    }

    static LoadException prepare(Path projectDir, Path... extra) {
        Loader loader = new Loader(InputFiles.in(projectDir), List.of(extra), new PrintStream(new ByteArrayOutputStream(), true));
        return assertThrows(LoadException.class, loader::prepare);
    }

    static Path secretContext() throws Exception {
        Path ctx = tmp.resolve("secret-context.json");
        Files.writeString(ctx, "{\"@context\": {\"name\": \"" + SECRET + "\"}}");
        return ctx;
    }

    @Test
    void aJsonLdFileWithARemoteContextIsRefusedBeforeAnyFetch() throws Exception {
        try (LoopbackListener listener = new LoopbackListener()) {
            String[][] cases = {
                    {"remote-context.jsonld", "{\"@context\": \"" + listener.url() + "/ctx.json\", \"@id\": \"urn:a\", \"name\": \"x\"}"},
                    {"file-context.jsonld", "{\"@context\": \"" + secretContext().toUri() + "\", \"@id\": \"urn:a\", \"name\": \"x\"}"},
                    {"array-context.jsonld", "{\"@context\": [{\"a\": \"urn:a\"}, \"" + listener.url() + "/c\"], \"@id\": \"urn:a\"}"},
                    {"import.jsonld", "{\"@context\": {\"@version\": 1.1, \"@import\": \"" + listener.url() + "/i\"}, \"@id\": \"urn:a\"}"},
                    {"scoped.jsonld", "{\"@context\": {\"p\": {\"@id\": \"urn:p\", \"@context\": \"" + listener.url() + "/s\"}},"
                            + " \"@graph\": [{\"@id\": \"urn:a\", \"p\": {\"@id\": \"urn:b\"}}]}"}};
            for (String[] c : cases) {
                Path f = tmp.resolve(c[0]);
                Files.writeString(f, c[1]);
                LoadException e = prepare(project, f);
                assertEquals(LoadException.INPUT, e.exitCode(), e.getMessage());
                assertTrue(e.getMessage().contains(c[0]) && e.getMessage().contains("write the @context inline"), e.getMessage());
                assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            }
            assertEquals(0, listener.connections(), "the loopback listener saw a connection");
        }
    }

    /** The second wall: Jena's JSON-LD parser itself, anywhere in chipgraph's JVM, loads no remote document. */
    @Test
    void jenasJsonLdParserFetchesNothingEvenWithoutThePreScan() throws Exception {
        try (LoopbackListener listener = new LoopbackListener()) {
            for (String ctx : List.of(listener.url() + "/ctx.json", secretContext().toUri().toString())) {
                String doc = "{\"@context\": \"" + ctx + "\", \"@id\": \"urn:a\", \"name\": \"x\"}";
                Graph g = GraphFactory.createDefaultGraph();
                RiotException global = assertThrows(RiotException.class, () -> RDFParser.fromString(doc, Lang.JSONLD).parse(g));
                assertFalse(String.valueOf(global.getMessage()).contains(SECRET));
                assertThrows(RiotException.class, () -> RDFParser.fromString(doc, Lang.JSONLD).context(InputParser.parserContext()).parse(g));
                assertTrue(g.isEmpty());
            }
            assertEquals(0, listener.connections(), "the loopback listener saw a connection");
        }
        // An inline context still works.
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString("{\"@context\": {\"name\": \"urn:name\"}, \"@id\": \"urn:a\", \"name\": \"x\"}", Lang.JSONLD)
                .context(InputParser.parserContext()).parse(g);
        assertEquals(1, g.size());
    }

    /** Nor does an RDF/XML input with an external entity make the loader fetch it (Jena's XML parsing is hardened). */
    @Test
    void anRdfXmlExternalEntityIsNotFetched() throws Exception {
        try (LoopbackListener listener = new LoopbackListener()) {
            Path f = tmp.resolve("entity.rdf");
            Files.writeString(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY remote SYSTEM \"" + listener.url()
                    + "/e\"> <!ENTITY local SYSTEM \"" + secretContext().toUri() + "\"> ]>\n"
                    + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">"
                    + "<rdf:Description rdf:about=\"http://example.org/a\"><ex:p>&remote;&local;</ex:p></rdf:Description></rdf:RDF>\n");
            LoadException e = prepare(project, f);
            assertEquals(LoadException.INPUT, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("entity.rdf"), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertEquals(0, listener.connections(), "the loopback listener saw a connection");
        }
    }

    @Test
    void aSymlinkOutOfTheProjectIsRefusedUnlessNamedOnTheCommandLine() throws Exception {
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Path target = outside.resolve("secret.trig");
        Files.writeString(target, "SECRET-FIRST-LINE of a file outside the project\n");
        Path p = ProjectCopy.into(tmp.resolve("symlinked"));
        Path link = p.resolve("data/zz-link.trig");
        Files.createSymbolicLink(link, target);
        LoadException e = prepare(p);
        assertEquals(LoadException.INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("data/zz-link.trig: resolves outside the project"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-FIRST-LINE"), e.getMessage());
        Files.delete(link);

        // The same in ontology/: a rule file that is a link out.
        Path rule = p.resolve("ontology/rules/zz-link.rq");
        Files.createSymbolicLink(rule, target);
        assertTrue(prepare(p).getMessage().startsWith("ontology/rules/zz-link.rq: resolves outside the project"));
        Files.delete(rule);

        // Named on the command line, the file is read (and here refused for its syntax, not its place).
        LoadException named = prepare(p, target);
        assertFalse(named.getMessage().contains("outside the project"), named.getMessage());
        assertTrue(named.getMessage().contains("secret.trig"), named.getMessage());
    }
}
