package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.HaltPoint;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.serve.ChipgraphServer;
import org.w3id.chipgraph.serve.ServerOptions;
import org.w3id.chipgraph.serve.StoreFollower;
import org.w3id.chipgraph.store.VersionedStore;
import java.util.concurrent.TimeoutException;

/**
 * A loader killed with SIGKILL at each named step (a {@link HaltPoint}: the loader, a separate
 * process, says where it is and blocks; the test then kills it) leaves the published version
 * and the pointer byte for byte as they were, a server on them keeps answering, and the next
 * load succeeds and clears what the killed ones left behind.
 */
class CrashSafetyTest {
    static final List<String> POINTS = List.of(HaltPoint.PARSE, HaltPoint.REASON, HaltPoint.WRITE, HaltPoint.PUBLISH, HaltPoint.POINTER);
    static final String ASK_NEW = "ASK { <https://w3id.org/chipgraph/id/test-crash-chip> ?p ?o }";
    static final String COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";

    @TempDir Path tmp;

    @Test
    void aLoaderKilledAtAnyStepChangesNothingPublishedAndTheNextLoadSucceeds() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("project"));
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        new Loader(InputFiles.in(project), List.of(), new PrintStream(new ByteArrayOutputStream(), true)).load(store);
        String published = store.currentVersion().orElseThrow();
        // The next loads carry one more entity, so a version that got published by mistake would show.
        Files.writeString(project.resolve("data/zz-crash.trig"), """
                @prefix cg: <https://w3id.org/chipgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/chipgraph/graph/register> {
                  <https://w3id.org/chipgraph/id/test-crash-chip> a cg:Accelerator ; rdfs:label "Crash chip"@en, "충돌 칩"@ko .
                }
                """);

        ServerOptions options = new ServerOptions(0, Duration.ofSeconds(10), true);
        FusekiServer server = ChipgraphServer.build(store.openCurrent(), options);
        server.start();
        StoreFollower follower = new StoreFollower(store, published, server, options, new PrintStream(new ByteArrayOutputStream(), true));
        String endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/chipgraph/sparql";
        try {
            long count = count(endpoint);
            String before = publishedHash(store, published);
            for (String point : POINTS) {
                Run run = startLoad(project, store, point);
                String marker = run.awaitMarker(Duration.ofSeconds(180));
                assertEquals(HaltPoint.MARKER + point, marker, "the loader did not reach '" + point + "':\n" + run.output());
                run.process.destroyForcibly();   // SIGKILL on Linux and macOS
                assertTrue(run.process.waitFor(30, TimeUnit.SECONDS), "the killed loader did not end");
                assertNotEquals(0, run.process.exitValue());

                assertEquals(published, store.currentVersion().orElseThrow(), "killed at " + point + ": the pointer moved");
                assertEquals(before, publishedHash(store, published), "killed at " + point + ": the published version or the pointer changed");
                follower.check();
                assertEquals(published, follower.servedVersion());
                assertEquals(count, count(endpoint), "killed at " + point + ": the server's answer changed");
                assertFalse(ask(endpoint), "killed at " + point + ": the new data is visible");
                if (point.equals(HaltPoint.WRITE) || point.equals(HaltPoint.PUBLISH))
                    assertTrue(versions(store).size() > 1, "killed at " + point + ": a partial version should be left on disk: " + versions(store));
                if (point.equals(HaltPoint.POINTER))
                    assertTrue(Files.exists(store.root().resolve("CURRENT.tmp")), "killed at pointer: the new pointer should be left beside the old one");
            }
            List<String> leftovers = new ArrayList<>(versions(store));
            leftovers.remove(published);
            assertFalse(leftovers.isEmpty());

            Run next = startLoad(project, store, null);
            assertTrue(next.process.waitFor(180, TimeUnit.SECONDS), "the next load did not finish");
            assertEquals(0, next.process.exitValue(), "the next load failed:\n" + next.output());
            String fresh = store.currentVersion().orElseThrow();
            assertNotEquals(published, fresh);
            assertEquals(List.of(published, fresh).stream().sorted().toList(), versions(store),
                    "the next load keeps the version it replaced and deletes the leftovers of the killed loads");
            assertFalse(Files.exists(store.root().resolve("CURRENT.tmp")));
            follower.check();
            assertEquals(fresh, follower.servedVersion());
            assertTrue(ask(endpoint), "the server follows the new version");
        } finally {
            follower.close();
            server.stop();
        }
    }

    @Test
    void aSecondLoadWhileOneIsRunningIsRefusedAndChangesNothing() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("project"));
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        new Loader(InputFiles.in(project), List.of(), quiet).load(store);
        String before = ProjectCopy.treeHash(store.root());
        try (VersionedStore.LoadLock running = store.lockForLoad()) {
            LoadException e = assertThrows(LoadException.class, () -> new Loader(InputFiles.in(project), List.of(), quiet).load(store));
            assertEquals(LoadException.STORE, e.exitCode());
            assertTrue(e.getMessage().startsWith("Another load is running on the store"), e.getMessage());
        }
        assertEquals(before, ProjectCopy.treeHash(store.root()));
        new Loader(InputFiles.in(project), List.of(), quiet).load(store);   // the lock is free again
    }

    /** The published version's files and the pointer, byte for byte. */
    static String publishedHash(VersionedStore store, String version) throws IOException {
        return ProjectCopy.treeHash(store.locationOf(version)) + "/" + Files.readString(store.pointerFile());
    }

    static List<String> versions(VersionedStore store) throws IOException {
        try (Stream<Path> s = Files.list(store.root().resolve("versions"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static long count(String endpoint) {
        try (var qe = QueryExecHTTP.service(endpoint).query(COUNT).build()) {
            return ((Number) qe.select().next().get("n").getLiteralValue()).longValue();
        }
    }

    static boolean ask(String endpoint) {
        try (var qe = QueryExecHTTP.service(endpoint).query(ASK_NEW).build()) {
            return qe.ask();
        }
    }

    /** A {@code load} in its own JVM, on the test's class path; halting at {@code point} if given. */
    record Run(Process process, StringBuffer out, CompletableFuture<String> marker) {
        String awaitMarker(Duration d) throws Exception {
            try {
                return marker.get(d.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                return null;
            }
        }

        String output() { return out.toString(); }
    }

    static Run startLoad(Path project, VersionedStore store, String point) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        if (point != null)
            cmd.add("-D" + HaltPoint.PROPERTY + "=" + point);
        cmd.addAll(List.of("-cp", cp, "org.w3id.chipgraph.cli.Main", "load", "--project", project.toString(), "--db", store.root().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuffer out = new StringBuffer();
        CompletableFuture<String> marker = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.append(line).append('\n');
                    if (line.startsWith(HaltPoint.MARKER))
                        marker.complete(line);
                }
            } catch (IOException e) {
                // The process was killed: its output ends here.
            }
            marker.complete(null);
        }, "load-output");
        reader.setDaemon(true);
        reader.start();
        return new Run(p, out, marker);
    }
}
