package org.w3id.chipgraph.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;
import java.util.Collections;

/**
 * N clients, each sending one catalogue query after another (no pause) to a SPARQL endpoint for
 * a while, after a warm-up that is not counted: throughput, latency percentiles and errors, in
 * all and per query. A response is an error unless it is 200 with its whole body read.
 */
public final class LoadTest {
    /** A query as sent: its catalogue name and its text with the parameters' defaults bound. */
    public record Workload(String name, String text) {}

    public record Result(int clients, double seconds, long requests, long errors, Map<String, Long> errorKinds,
                         long[] latenciesMicros, Map<String, long[]> perQuery) {
        public double throughput() { return requests / seconds; }
        public double percentileMillis(double p) { return percentile(latenciesMicros, p); }
    }

    private LoadTest() {}

    /** The catalogue's queries, each with its parameters' defaults bound, leaving out those tagged {@code excludeTag}. */
    public static List<Workload> catalogue(QueryCatalog catalog, String excludeTag) {
        List<Workload> out = new ArrayList<>();
        for (CatalogQuery q : catalog.queries()) {
            if (q.tags().contains(excludeTag))
                continue;
            var bound = QueryTransformOps.syntaxSubstitute(q.parse(), QueryRunner.bindings(q, Map.of()));
            out.add(new Workload(q.name(), bound.toString()));
        }
        if (out.isEmpty())
            throw new IllegalArgumentException("No queries in " + catalog.dir());
        return out;
    }

    public static Result run(String endpoint, List<Workload> workload, int clients, Duration duration, Duration warmup) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        long[][] perClient = new long[clients][];
        Map<String, List<Long>> perQuery = new ConcurrentHashMap<>();
        Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                LongList lat = new LongList();
                int i = id;   // clients start at different queries
                while (System.nanoTime() < end) {
                    Workload w = workload.get(i++ % workload.size());
                    String failure = null;
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "?query="
                                        + URLEncoder.encode(w.text(), StandardCharsets.UTF_8)))
                                .header("Accept", "application/sparql-results+json,application/n-triples;q=0.9")
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200)
                            failure = "HTTP " + r.statusCode();
                    } catch (Exception e) {
                        failure = e.getClass().getSimpleName();
                    }
                    long t1 = System.nanoTime();
                    if (t0 < measureFrom || t1 > end)
                        continue;   // warm-up, or finished after the end: not counted
                    if (failure != null) {
                        errors.incrementAndGet();
                        errorKinds.merge(w.name() + ": " + failure, 1L, Long::sum);
                        continue;
                    }
                    long micros = (t1 - t0) / 1000;
                    lat.add(micros);
                    perQuery.computeIfAbsent(w.name(), k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
                }
                perClient[id] = lat.toArray();
            }, "load-test-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads)
            t.join();
        long[] sorted = Arrays.stream(perClient).flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, long[]> pq = new TreeMap<>();
        perQuery.forEach((k, v) -> pq.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
        double seconds = duration.toNanos() / 1e9;
        return new Result(clients, seconds, sorted.length + errors.get(), errors.get(), new TreeMap<>(errorKinds), sorted, pq);
    }

    static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0)
            return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, i))] / 1000.0;
    }

    public static void report(Result r, String endpoint, PrintStream out) {
        out.printf("Load test: %d clients for %.0f s against %s%n", r.clients(), r.seconds(), endpoint);
        out.printf("  requests:   %d (%.1f per second)%n", r.requests(), r.throughput());
        out.printf("  latency:    p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99), r.percentileMillis(100));
        out.printf("  errors:     %d%n", r.errors());
        r.errorKinds().forEach((k, n) -> out.printf("    %6d  %s%n", n, k));
        out.println("  per query:  count     p50 ms    p99 ms");
        r.perQuery().forEach((name, lat) -> out.printf("    %-34s %6d  %8.1f  %8.1f%n", name, lat.length, percentile(lat, 50), percentile(lat, 99)));
    }

    /** A growable array of longs, one per client thread (no boxing on the hot path). */
    private static final class LongList {
        long[] a = new long[1024];
        int n;
        void add(long v) {
            if (n == a.length)
                a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }
        long[] toArray() { return Arrays.copyOf(a, n); }
    }
}
