package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * Replays the hostile-request corpus ({@link HostileCorpus}) against {@code serve} in its own JVM with
 * a small heap and a short timeout, several attackers at once, while a prober asks for
 * {@code /$/ping} and one simple query throughout. Every request must get one of its expected
 * statuses within the timeout and 2 s, the prober's worst latency must stay under 2 s, the loopback
 * listener must see no connection, the server must stay up and the data unchanged.
 */
class HostileCorpusTest {
    static final int TIMEOUT_S = 3;
    static final String HEAP = "-Xmx256m";
    static final int ATTACKERS = 3;
    static final long WITHIN_MS = TIMEOUT_S * 1000L + 2000;
    static final Pattern ENDPOINT = Pattern.compile("SPARQL endpoint: http://localhost:(\\d+)/chipgraph/sparql");
    static final String SIMPLE = "SELECT ?l { <https://w3id.org/chipgraph/id/nvidia> <http://www.w3.org/2000/01/rdf-schema#label> ?l }";
    static final String FINGERPRINT = "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path tmp;

    record Outcome(HostileCorpus c, String got, long millis) {
        boolean ok() { return c.expected().contains(got) && millis < WITHIN_MS; }
    }

    @Test
    void theServerHoldsUpUnderTheHostileCorpus() throws Exception {
        List<HostileCorpus> corpus = HostileCorpus.all();
        assertFalse(corpus.isEmpty(), "no requests in " + HostileCorpus.DIR);
        Path db = tmp.resolve("db");
        VersionedStore store = new VersionedStore(db);
        new Loader(InputFiles.in(TestGraph.PROJECT), List.of(), new PrintStream(new ByteArrayOutputStream(), true)).load(store);
        String version = store.currentVersion().orElseThrow();

        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            Process p = startServer(db, log);
            try {
                int port = awaitPort(p, log);
                String base = "http://127.0.0.1:" + port;
                String before = fingerprint(base);
                Prober prober = new Prober(base);
                Thread probe = Thread.ofPlatform().start(prober);
                List<Outcome> outcomes = attack(corpus, port, listener.getLocalPort());
                prober.stop = true;
                probe.join();
                report(outcomes, prober);
                assertTrue(p.isAlive(), "the server died:\n" + tail(log));
                assertEquals(before, fingerprint(base), "the data changed");
                assertEquals(version, store.currentVersion().orElseThrow(), "the published version changed");
                assertEquals(0, connections.get(), "the loopback listener saw a connection");
                assertEquals(List.of(), prober.failures, "the prober was not answered");
                assertTrue(prober.worst.get() < 2000, "the prober's worst latency was " + prober.worst.get() + " ms");
                List<String> failed = outcomes.stream().filter(o -> !o.ok())
                        .map(o -> o.c() + ": expected " + o.c().expected() + " within " + WITHIN_MS + " ms, got " + o.got() + " after " + o.millis() + " ms").toList();
                assertEquals(List.of(), failed, "requests not answered as expected");
            } finally {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS))
                    p.destroyForcibly();
            }
        }
    }

    static Process startServer(Path db, List<String> log) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(javaBin, HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-cp", cp,
                "org.w3id.chipgraph.cli.Main", "serve", "--project", TestGraph.PROJECT.toString(), "--db", db.toString(),
                "--port", "0", "--localhost", "--timeout", Integer.toString(TIMEOUT_S), "--max-response-bytes", "4000000")
                .redirectErrorStream(true).start();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; )
                    log.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
            } catch (IOException e) {
                // ended
            }
        });
        return p;
    }

    static int awaitPort(Process p, List<String> log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()) {
            synchronized (log) {
                for (String l : log) {
                    Matcher m = ENDPOINT.matcher(l);
                    if (m.find())
                        return Integer.parseInt(m.group(1));
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start:\n" + tail(log));
    }

    static String tail(List<String> log) {
        synchronized (log) {
            return String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()));
        }
    }

    static String fingerprint(String base) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/sparql?query=" + URLEncoder.encode(FINGERPRINT, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    static List<Outcome> attack(List<HostileCorpus> corpus, int port, int listenerPort) throws InterruptedException {
        ConcurrentLinkedQueue<HostileCorpus> queue = new ConcurrentLinkedQueue<>(corpus);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Thread> attackers = new ArrayList<>();
        for (int i = 0; i < ATTACKERS; i++)
            attackers.add(Thread.ofPlatform().name("attacker-" + i).start(() -> {
                for (HostileCorpus c; (c = queue.poll()) != null; )
                    outcomes.add(send(c, port, listenerPort));
            }));
        for (Thread t : attackers)
            t.join();
        return outcomes;
    }

    /** One request; the outcome is its status, "cut" when the body broke off after the status line, or the exception. */
    static Outcome send(HostileCorpus c, int port, int listenerPort) {
        String body = c.body(port, listenerPort);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.target(port, listenerPort)))
                .timeout(Duration.ofMillis(WITHIN_MS + 10_000))
                .method(c.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (c.contentType() != null)
            b.header("Content-Type", c.contentType());
        // With a body, wait for the server's go-ahead: a refusal (413) then arrives before the body is sent.
        if (body != null)
            b.expectContinue(true);
        AtomicInteger status = new AtomicInteger();
        long t0 = System.nanoTime();
        String got;
        try {
            HttpResponse<Void> r = http.send(b.build(), info -> {
                status.set(info.statusCode());
                return HttpResponse.BodySubscribers.discarding();
            });
            got = Integer.toString(r.statusCode());
        } catch (IOException e) {
            got = status.get() > 0 ? "cut" : e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = "interrupted";
        }
        return new Outcome(c, got, (System.nanoTime() - t0) / 1_000_000);
    }

    static void report(List<Outcome> outcomes, Prober prober) {
        Map<String, List<Outcome>> byClass = new TreeMap<>();
        for (Outcome o : outcomes)
            byClass.computeIfAbsent(o.c().requestClass(), k -> new ArrayList<>()).add(o);
        byClass.forEach((cls, list) -> {
            Map<String, Integer> statuses = new TreeMap<>();
            list.forEach(o -> statuses.merge(o.got(), 1, Integer::sum));
            long worst = list.stream().mapToLong(Outcome::millis).max().orElse(0);
            long ok = list.stream().filter(Outcome::ok).count();
            System.out.printf("hostile %-22s %3d requests, %3d as expected, worst %5d ms, statuses %s%n", cls, list.size(), ok, worst, statuses);
        });
        outcomes.stream().filter(o -> o.millis() > TIMEOUT_S * 1000L || !o.ok())
                .forEach(o -> System.out.printf("hostile   %s: %s after %d ms%n", o.c(), o.got(), o.millis()));
        System.out.printf("hostile prober: %d probes, worst %d ms, %d failures%n", prober.probes.get(), prober.worst.get(), prober.failures.size());
    }

    /** Pings and asks one simple query, over and over, noting the worst latency and any failure. */
    static final class Prober implements Runnable {
        final String base;
        volatile boolean stop;
        final AtomicLong worst = new AtomicLong();
        final AtomicInteger probes = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        Prober(String base) {
            this.base = base;
        }

        @Override
        public void run() {
            URI ping = URI.create(base + "/$/ping");
            URI query = URI.create(base + "/chipgraph/sparql?query=" + URLEncoder.encode(SIMPLE, StandardCharsets.UTF_8));
            while (!stop) {
                for (URI u : List.of(ping, query)) {
                    long t0 = System.nanoTime();
                    try {
                        var r = http.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || (u == query && !r.body().contains("Nvidia")))
                            failures.add(u.getPath() + " " + r.statusCode());
                    } catch (IOException e) {
                        failures.add(u.getPath() + " " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                    worst.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                    probes.incrementAndGet();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
