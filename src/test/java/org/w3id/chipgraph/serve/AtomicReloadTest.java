package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * Reloading while clients query: several threads query without pause while the data is loaded
 * again and again, alternating between two versions that differ in two marker triples (changed
 * together) and in size. Every answer is all of one version or all of the other, never a mix,
 * and no request fails.
 */
public class AtomicReloadTest {
    public static final String MARKERS = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?a ?b WHERE {
              <https://w3id.org/chipgraph/id/test-marker-1> rdfs:label ?a .
              <https://w3id.org/chipgraph/id/test-marker-2> rdfs:label ?b .
              FILTER(lang(?a) = "en" && lang(?b) = "en")
            }""";
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    static final int CLIENTS = 4, RELOADS = 4;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path tmp;

    /** Version A or B: both markers labelled with the version's letter; B also has a comment (one triple more). */
    public static void writeVersion(Path project, String v) throws Exception {
        Files.writeString(project.resolve("data/zz-markers.trig"), """
                @prefix cg: <https://w3id.org/chipgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/chipgraph/graph/register> {
                  <https://w3id.org/chipgraph/id/test-marker-1> a cg:Accelerator ; rdfs:label "Marker %1$s"@en, "표지 %1$s"@ko %2$s.
                  <https://w3id.org/chipgraph/id/test-marker-2> a cg:Accelerator ; rdfs:label "Marker %1$s"@en, "표지 %1$s"@ko .
                }
                """.formatted(v, v.equals("B") ? "; rdfs:comment \"only in B\"@en " : ""));
    }

    static String csv(String endpoint, String query) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        return r.body().replace("\r\n", "\n").strip();
    }

    @Test
    void everyAnswerDuringReloadsIsWhollyTheOldOrTheNewVersion() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("project"));
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        writeVersion(project, "A");
        new Loader(InputFiles.in(project), List.of(), quiet).load(store);

        ServerOptions options = new ServerOptions(0, Duration.ofSeconds(10), true);
        FusekiServer server = ChipgraphServer.build(store.openCurrent(), options);
        server.start();
        StoreFollower follower = new StoreFollower(store, store.currentVersion().orElseThrow(), server, options, quiet);
        String endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/chipgraph/sparql";
        List<Thread> clients = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try {
            // The two versions' answers, measured while nothing else runs.
            Map<String, String> countOf = new ConcurrentHashMap<>();
            countOf.put("A", csv(endpoint, COUNT));
            writeVersion(project, "B");
            new Loader(InputFiles.in(project), List.of(), quiet).load(store);
            assertTrue(follower.switchToPublished());
            countOf.put("B", csv(endpoint, COUNT));
            assertNotEquals(countOf.get("A"), countOf.get("B"));
            Set<String> markers = Set.of("a,b\nMarker A,Marker A", "a,b\nMarker B,Marker B");
            Set<String> counts = Set.copyOf(countOf.values());

            // From here on the server follows the pointer by itself, polling every 20 ms.
            follower.start(20);
            List<String> wrong = new CopyOnWriteArrayList<>();
            Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
            AtomicLong requests = new AtomicLong();
            for (int i = 0; i < CLIENTS; i++) {
                boolean marker = i % 2 == 0;
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            String answer = csv(endpoint, marker ? MARKERS : COUNT);
                            requests.incrementAndGet();
                            if (!(marker ? markers : counts).contains(answer))
                                wrong.add(answer);
                            seen.computeIfAbsent(answer, k -> new AtomicLong()).incrementAndGet();
                        } catch (Exception e) {
                            wrong.add("request failed: " + e);
                        }
                    }
                }, "client-" + i);
                t.start();
                clients.add(t);
            }
            List<String> served = new ArrayList<>();
            for (int i = 0; i < RELOADS; i++) {
                writeVersion(project, i % 2 == 0 ? "A" : "B");
                String v = new Loader(InputFiles.in(project), List.of(), quiet).load(store).version();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!v.equals(follower.servedVersion()) && System.nanoTime() < deadline)
                    Thread.sleep(10);
                assertEquals(v, follower.servedVersion(), "the server follows the new version");
                served.add(v);
                Thread.sleep(300);   // let the clients see it
            }
            stop.set(true);
            for (Thread t : clients)
                t.join(30_000);
            assertEquals(List.of(), wrong, "answers that were a mix of versions, or failures");
            assertTrue(requests.get() > 100, "the clients kept querying: " + requests.get());
            for (String a : markers)
                assertTrue(seen.containsKey(a), "both versions were seen during the reloads: " + seen.keySet());
            System.out.println("atomic reload: " + requests.get() + " requests by " + CLIENTS + " clients over " + RELOADS
                    + " reloads, answers " + seen.entrySet().stream().map(e -> e.getKey().replace("\n", " | ") + " x" + e.getValue()).toList());
        } finally {
            stop.set(true);
            for (Thread t : clients)
                t.join(30_000);
            follower.close();
            server.stop();
        }
    }
}
