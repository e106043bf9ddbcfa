package org.w3id.chipgraph.bench;

import static org.w3id.chipgraph.bench.BenchFiles.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.reason.DependencyFunctions;
import java.net.SocketTimeoutException;

/** Our server and a plain Fuseki on the same store over HTTP: the catalogue queries and the dependency questions. */
final class ServerBench {
    private final BenchCommand b;

    ServerBench(BenchCommand b) {
        this.b = b;
    }

    void run(String sc, Path db, String xmx, Path sampleFile, List<String> sample) throws Exception {
        List<CatalogQuery> catalogue = QueryCatalog.in(b.project.resolve("queries")).queries().stream()
                .filter(q -> !q.tags().contains("federated")).toList();
        // ---- ours: the real serve command
        int port = freePort();
        Path srvLog = b.work.resolve("server-ours.log");
        List<String> cmd = b.serveCommand(xmx, List.of("--db", db.toString(), "--project", b.project.toString(),
                "--port", Integer.toString(port), "--localhost"));
        String base = "http://localhost:" + port;
        boolean asLaunched = b.serveJarIsCurrent();
        if (asLaunched && !Files.exists(b.serveArchive())) {
            // A user's first start writes the launcher's class-data archive when it stops: not timed.
            BenchServer.start(cmd, srvLog, base + "/$/ping", b.http).stop();
            if (!Files.exists(b.serveArchive()))
                b.say("class-data archive not written (" + b.serveArchive() + "): the server starts without it");
        }
        // Started --runs times (the last one stays up for the measurements below).
        List<Double> ready = new ArrayList<>();
        BenchServer ours = null;
        for (int r = 0; r < b.runs; r++) {
            if (ours != null)
                ours.stop();
            ours = BenchServer.start(cmd, srvLog, base + "/$/ping", b.http);
            ready.add(ours.readySeconds);
            b.say(String.format(Locale.ROOT, "our server ready in %.2f s (-Xmx%s)", ours.readySeconds, xmx));
        }
        b.results.add(sc, "resources", "server start to ready", "ours", "s", ready, "from a built store, -Xmx" + xmx
                + (asLaunched ? "; the product jar with the launcher's class-data archive, as ./chipgraph serve runs it"
                              : "; the compiled classes, no class-data archive (target/chipgraph.jar missing or older than the sources)"));
        HeapPoller heapOurs = new HeapPoller(b.http, base + "/$/metrics");
        try {
            catalogue(sc, "ours", base + "/chipgraph/sparql", catalogue);
            if (sampleFile != null) {
                questions(sc, "ours: /api", sample, (iri, forward) -> base + "/api/" + (forward ? "dependencies" : "dependents")
                        + "?limit=100&of=" + URLEncoder.encode(iri, StandardCharsets.UTF_8), null, null);
                questions(sc, "ours: cgf via SPARQL", sample, null, base + "/chipgraph/sparql",
                        "<" + DependencyFunctions.NS + "dependsOn>");
            }
        } finally {
            heapOurs.stop();
            ours.stop();
        }
        b.results.add(sc, "resources", "peak heap, server", "ours", "MB", List.of(heapOurs.peak / 1e6), "polled from /$/metrics, -Xmx" + xmx);
        if (sampleFile == null)
            return;
        // ---- a plain Fuseki on the same store
        int port2 = freePort();
        long timeoutMs = Math.min(b.capDuration.toMillis(), 60_000);
        List<String> cmd2 = b.java(xmx, List.of("-cp", System.getProperty("java.class.path"), BenchWorker.class.getName(),
                "serve-plain", "--db", db.toString(), "--port", Integer.toString(port2), "--timeout-ms", Long.toString(timeoutMs)));
        String base2 = "http://localhost:" + port2;
        BenchServer plain = BenchServer.start(cmd2, b.work.resolve("server-plain.log"), base2 + "/$/ping", b.http);
        b.results.add(sc, "resources", "server start to ready", "plain Fuseki", "s", List.of(plain.readySeconds), "-Xmx" + xmx);
        HeapPoller heapPlain = new HeapPoller(b.http, base2 + "/$/metrics");
        try {
            catalogue(sc, "plain Fuseki", base2 + "/ds/sparql", catalogue);
            if (b.dnf.containsKey("http-path"))
                b.results.note(sc, "queries", "who depends on X / what X depends on", "ARQ path via plain Fuseki", b.dnf.get("http-path"));
            else
                questions(sc, "ARQ path via plain Fuseki", sample, null, base2 + "/ds/sparql", new ReasoningBench(b).dependencyPath());
        } finally {
            heapPlain.stop();
            plain.stop();
        }
        b.results.add(sc, "resources", "peak heap, server", "plain Fuseki", "MB", List.of(heapPlain.peak / 1e6), "polled from /$/metrics, -Xmx" + xmx);
    }

    /** Each catalogue query (parameters at their defaults) {@value #CATALOGUE_REPEATS} times a run: p50 and p99 of every request. */
    void catalogue(String sc, String system, String endpoint, List<CatalogQuery> catalogue) throws Exception {
        List<String> texts = new ArrayList<>(), timedOut = new ArrayList<>();
        for (CatalogQuery q : catalogue) {
            var bind = QueryRunner.bindings(q, Map.of());
            String text = QueryTransformOps.replaceVars(q.parse(), bind).toString();
            // Warm-up; a query that passes the server's timeout here is reported and left out of the timings.
            try {
                sparql(endpoint, text);
                texts.add(text);
            } catch (CapReached e) {
                timedOut.add(q.name());
            }
        }
        if (!timedOut.isEmpty()) {
            b.say(system + ": catalogue queries over the server's timeout, left out: " + timedOut);
            b.results.note(sc, "queries", "catalogue queries over the server's timeout", system, String.join(", ", timedOut));
        }
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>();
        for (int r = 0; r < b.runs; r++) {
            List<Double> ms = new ArrayList<>();
            for (int rep = 0; rep < CATALOGUE_REPEATS; rep++)
                for (String t : texts) {
                    long t0 = System.nanoTime();
                    sparql(endpoint, t);
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
            p50.add(Results.percentile(ms, 50));
            p99.add(Results.percentile(ms, 99));
        }
        b.results.add(sc, "queries", "catalogue queries p50 (" + texts.size() + " queries x " + CATALOGUE_REPEATS + ")", system, "ms", p50, "");
        b.results.add(sc, "queries", "catalogue queries p99", system, "ms", p99, "");
    }

    /** Requests of each catalogue query per run: 5 x 46 queries x 3 runs = 690 timings a server. */
    static final int CATALOGUE_REPEATS = 5;

    interface UrlFor { String url(String iri, boolean forward); }

    /**
     * "What does X depend on" and "who depends on X" for every sampled node, count and first
     * 100 answers in one request: our /api (url), or a SPARQL query with the given predicate
     * or path (endpoint). p50 and p99 per run; counts checked against the index.
     */
    void questions(String sc, String system, List<String> sample, UrlFor url, String endpoint, String pathOrProp) throws Exception {
        long capAt = System.nanoTime() + b.capDuration.toNanos();
        boolean baseline = system.startsWith("ARQ");
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), mean = new ArrayList<>(), hub50 = new ArrayList<>(), hub99 = new ArrayList<>();
        int hubs = Math.min(b.hubCount, sample.size());
        int warm = Math.min(100, sample.size());
        long answered = 0, questions = 0;
        try {
            for (int i = 0; i < warm; i++)
                for (boolean f : new boolean[] {true, false})
                    ask(url, endpoint, pathOrProp, sample.get(i), f, capAt);
            for (int r = 0; r < b.runs; r++) {
                List<Double> ms = new ArrayList<>();
                for (String iri : sample)   // the hubs first: their times are ms' first 2 x hubs
                    for (boolean f : new boolean[] {true, false}) {
                        long t0 = System.nanoTime();
                        answered += ask(url, endpoint, pathOrProp, iri, f, capAt);
                        ms.add((System.nanoTime() - t0) / 1e6);
                        questions++;
                    }
                p50.add(Results.percentile(ms, 50));
                p99.add(Results.percentile(ms, 99));
                mean.add(ms.stream().mapToDouble(Double::doubleValue).average().orElse(0));
                hub50.add(Results.percentile(ms.subList(0, 2 * hubs), 50));
                hub99.add(Results.percentile(ms.subList(0, 2 * hubs), 99));
            }
        } catch (CapReached e) {
            String msg = "did not finish in " + b.cap + " (" + questions + " questions answered) at scale " + sc;
            if (baseline) b.dnf.put("http-path", msg);
            b.results.note(sc, "queries", "who depends on X / what X depends on", system, msg);
            if (p50.isEmpty()) return;
        }
        String note = sample.size() + " nodes x 2 questions, count + first 100 in one request";
        b.results.add(sc, "queries", "who depends on X / what X depends on: p50", system, "ms", p50, note);
        b.results.add(sc, "queries", "who depends on X / what X depends on: p99", system, "ms", p99, "");
        b.results.add(sc, "queries", "who depends on X / what X depends on: mean", system, "ms", mean, "");
        if (hubs > 0) {
            b.results.add(sc, "queries", "who depends on X / what X depends on (hubs only): p50", system, "ms", hub50,
                    "the 10 largest hubs each way: " + hubs + " nodes x 2 questions, in the same runs");
            b.results.add(sc, "queries", "who depends on X / what X depends on (hubs only): p99", system, "ms", hub99, "");
        }
        b.say(String.format(Locale.ROOT, "%s: %,d questions, %,d answers counted", system, questions, answered));
    }

    static final class CapReached extends RuntimeException {
        CapReached() { super(null, null, false, false); }
    }

    /** One question: returns the count of answers. */
    long ask(UrlFor url, String endpoint, String pathOrProp, String iri, boolean forward, long capAt) throws Exception {
        long left = capAt - System.nanoTime();
        if (left <= 0)
            throw new CapReached();
        if (url != null) {
            Http.Response r = Http.get(url.url(iri, forward), "application/json", Duration.ofNanos(left));
            if (r.status() != 200)
                throw new IllegalStateException("HTTP " + r.status() + " for " + url.url(iri, forward) + ": " + r.body());
            return r.totalCount() == null ? 0 : Long.parseLong(r.totalCount());
        }
        String x = "<" + iri + ">";
        String pattern = forward ? x + " " + pathOrProp + " ?z" : "?z " + pathOrProp + " " + x;
        String patternY = forward ? x + " " + pathOrProp + " ?y" : "?y " + pathOrProp + " " + x;
        String q = "SELECT ?n ?y WHERE { { SELECT (COUNT(DISTINCT ?z) AS ?n) WHERE { " + pattern + " } } "
                   + "OPTIONAL { SELECT DISTINCT ?y WHERE { " + patternY + " } LIMIT 100 } }";
        try {
            String body = sparql(endpoint, q, Duration.ofNanos(left));
            int i = body.indexOf("\"n\"");
            if (i < 0) return 0;
            int v = body.indexOf("\"value\"", i);
            int a = body.indexOf('"', v + 8) + 1, b = body.indexOf('"', a);
            return Long.parseLong(body.substring(a, b));
        } catch (SocketTimeoutException e) {
            throw new CapReached();
        }
    }

    String sparql(String endpoint, String query) throws Exception {
        return sparql(endpoint, query, Duration.ofMinutes(5));
    }

    String sparql(String endpoint, String query, Duration timeout) throws Exception {
        Http.Response r = Http.postQuery(endpoint, query, timeout);
        if (r.status() == 503 || r.status() == 504)
            throw new CapReached();
        if (r.status() != 200)
            throw new IllegalStateException("HTTP " + r.status() + " from " + endpoint + ": " + r.body());
        return r.body();
    }
}
