package org.w3id.chipgraph.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.WikidataFixture;
import org.w3id.chipgraph.store.VersionedStore;
import java.util.ArrayList;

/**
 * The note {@code serve} keeps beside its store ({@link ServerRecord}): written with the real port
 * and process, removed when the server stops; reading commands in other JVMs use the server it
 * names (link suggest too), pass the server's refusals on, and ignore a stale note, naming the URL
 * they found in it; a second serve on the store names the first.
 */
class ServerNoteTest {
    @TempDir Path tmp;

    record Run(int code, String out, String err) {}

    @Test
    void commandsBesideTheServerUseItAndTheNoteGoesWithIt() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("project"));
        ReadmeExamplesTest.writeLauncher(project);
        Path db = project.resolve(VersionedStore.DEFAULT_DIR);
        try (WikidataFixture wikidata = WikidataFixture.start()) {
            try (ServerProcess server = ServerProcess.start(project)) {
                ServerRecord note = ServerRecord.read(db).orElseThrow(() -> new AssertionError("no note in " + db + "\n" + server.output()));
                assertEquals("http://localhost:" + server.port() + "/chipgraph/sparql", note.endpoint());
                assertEquals(server.pid(), note.pid());
                String said = "store held by the server at http://localhost:" + server.port() + "/; querying it";

                Run link = run(project, "link", "suggest", "--wikidata", wikidata.endpoint());
                assertEquals(0, link.code(), link.err());
                assertTrue(link.err().contains(said), link.err());
                assertTrue(link.out().lines().anyMatch(l -> l.startsWith("id:jensen-huang") && l.contains("Q305177")), link.out());

                // The server's refusal comes back as the local store's would: the message, exit code 1.
                Run unknown = run(project, "explain", "Nobody", "ASML");
                assertEquals(1, unknown.code(), unknown.err());
                assertTrue(unknown.err().contains("error: No entity named 'Nobody'"), unknown.err());

                // A second serve on the same store names the first.
                Run second = run(project, "serve", "--port", "0", "--localhost");
                assertEquals(1, second.code(), second.out());
                assertTrue(second.err().contains("is already served by the server at http://localhost:" + server.port() + "/ (pid "
                        + server.pid() + ")"), second.err());

                Run impact = run(project, "impact", "--remove", "country:NLD", "--format", "json");
                assertEquals(0, impact.code(), impact.err());
                assertTrue(impact.out().contains("\"losesEveryPath\"") && impact.out().contains("ASML"), impact.out());
            }
            assertFalse(Files.exists(ServerRecord.fileIn(db)), "the note is removed when the server stops");
        }
    }

    @Test
    void aStaleNoteIsIgnoredAndTheErrorNamesWhatWasFound() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("project"));
        ReadmeExamplesTest.writeLauncher(project);
        Path db = project.resolve(VersionedStore.DEFAULT_DIR);
        assertEquals(0, CliRun.run("load", "--project", project.toString(), "--db", db.toString()).code());
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "http://localhost:" + closed + "/chipgraph/sparql";
        // This JVM holds the store, as a server would; the commands run in their own JVMs.
        DatasetGraph held = new VersionedStore(db).openCurrent();
        try {
            Run none = run(project, "stats");
            assertEquals(1, none.code());
            assertTrue(none.err().contains("no running server noted itself in " + ServerRecord.fileIn(db.toAbsolutePath())), none.err());

            Process gone = new ProcessBuilder("true").start();
            gone.waitFor(10, TimeUnit.SECONDS);
            writeNote(db, url, gone.pid());
            Run dead = run(project, "query", "measures-timeline");
            assertEquals(1, dead.code());
            assertTrue(dead.err().contains("names the server at http://localhost:" + closed + "/ (pid " + gone.pid()
                    + "), but that process has ended (a stale note, ignored)"), dead.err());

            writeNote(db, url, ProcessHandle.current().pid());
            Run silent = run(project, "chokepoints");
            assertEquals(1, silent.code());
            assertTrue(silent.err().contains("the server at http://localhost:" + closed + "/ (pid " + ProcessHandle.current().pid()
                    + ", noted in") && silent.err().contains("does not answer http://localhost:" + closed + "/$/ping"), silent.err());
        } finally {
            TDBInternal.expel(held);
        }
    }

    static void writeNote(Path db, String endpoint, long pid) throws Exception {
        Files.writeString(ServerRecord.fileIn(db), "endpoint=" + endpoint.replace(":", "\\:") + "\npid=" + pid + "\n");
    }

    /** {@code ./chipgraph ARGS} in the project copy, in its own JVM. */
    static Run run(Path project, String... args) throws Exception {
        Path out = Files.createTempFile(project, "out", ".txt"), err = Files.createTempFile(project, "err", ".txt");
        Process p = new ProcessBuilder(concat("./chipgraph", args)).directory(project.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("./chipgraph " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static List<String> concat(String first, String... rest) {
        List<String> l = new ArrayList<>(List.of(first));
        l.addAll(List.of(rest));
        return l;
    }
}
