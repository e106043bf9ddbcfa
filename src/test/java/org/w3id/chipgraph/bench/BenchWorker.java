package org.w3id.chipgraph.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.reasoner.Reasoner;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.OWLMicroReasonerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.InputParser;
import org.w3id.chipgraph.load.LoadReport;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.reason.DependencyIndex;
import org.w3id.chipgraph.reason.FastMaterializer;
import org.w3id.chipgraph.reason.Materializer;
import org.w3id.chipgraph.reason.RuleSet;
import org.w3id.chipgraph.store.BulkWriter;
import org.w3id.chipgraph.store.VersionedStore;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.commons.io.output.TeeOutputStream;
import riotcmd.riot;
import org.apache.jena.sys.JenaSystem;

/**
 * The benchmark's measurements, each run in a child JVM of its own by {@link BenchCommand} so
 * that each has a clean heap, its own peak-heap figure, and can be stopped at its time cap.
 * Results are printed as lines {@code RESULT {json}} on standard output; everything else goes
 * to standard error.
 */
public final class BenchWorker {
    private BenchWorker() {}

    static final String RESULT = "RESULT ";
    private static volatile long peakHeap;

    public static void main(String[] args) throws Exception {
        Thread watch = new Thread(() -> {
            var mem = ManagementFactory.getMemoryMXBean();
            while (true) {
                long used = mem.getHeapMemoryUsage().getUsed();
                if (used > peakHeap) peakHeap = used;
                try { Thread.sleep(10); } catch (InterruptedException e) { return; }
            }
        }, "heap-watch");
        watch.setDaemon(true);
        watch.start();
        Map<String, String> o = options(args);
        switch (args[0]) {
            case "load-ours" -> loadOurs(o);
            case "load-jena" -> loadJena(o);
            case "parse-count" -> parseCount(o);
            case "parse-ours" -> parseOurs(o);
            case "reason-ours" -> reasonOurs(o);
            case "arq-one" -> arqOne(o);
            case "arq-all" -> arqAll(o);
            case "owl-micro" -> owlMicro(o);
            case "rules" -> rules(o);
            case "serve-plain" -> servePlain(o);
            case "whatif" -> WhatIfWorker.run(o);
            default -> throw new IllegalArgumentException("unknown worker mode " + args[0]);
        }
        System.out.flush();
        System.exit(0);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2)
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return o;
    }

    static void result(Map<String, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put("peakHeap", peakHeap);
        System.out.println(RESULT + Json.of(out));
        System.out.flush();
    }

    static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    // ------------------------------------------------------------------ loading

    static void loadOurs(Map<String, String> o) {
        // The loader's progress goes to standard error as before, and is kept to read its closure line.
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeOutputStream(System.err, progress), true, StandardCharsets.UTF_8);
        Loader loader = new Loader(InputFiles.in(Path.of(o.get("project"))),
                o.containsKey("file") ? List.of(Path.of(o.get("file"))) : List.of(), tee);
        if (o.containsKey("closure-limit"))
            loader.closureLimit(Long.parseLong(o.get("closure-limit")));
        long t0 = System.nanoTime();
        LoadReport r = loader.load(new VersionedStore(Path.of(o.get("db"))));
        double total = secs(t0);
        tee.flush();
        Map<String, Object> out = new LinkedHashMap<>(Map.of("seconds", total, "quads", r.total(), "inferred", r.inferred(),
                "phases", loader.phases(), "peakHeapPerPhase", loader.peakHeapPerPhase(), "version", r.version()));
        String said = progress.toString(StandardCharsets.UTF_8);
        Boolean closure = closureMaterialized(said);
        if (closure != null) out.put("closureMaterialized", closure);
        Long pairs = indexPairs(said);
        if (pairs != null) out.put("indexPairs", pairs);
        result(out);
    }

    /** The dependency pairs the load's index counted ("dependency index: N nodes, E edges, P pairs"); null if it does not say. */
    static Long indexPairs(String progress) {
        var m = java.util.regex.Pattern.compile("dependency index: \\d+ nodes, \\d+ edges, (\\d+) pairs").matcher(progress);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** Whether the load's progress says the cg:dependsOn closure was materialized; null if it does not say. */
    static Boolean closureMaterialized(String progress) {
        if (progress.contains("closure NOT materialized")) return false;
        if (progress.contains("closure materialized")) return true;
        return null;
    }

    /**
     * Jena's own parse-and-count ({@code riot --count}, jena-cmds), timed from before the parse to
     * after: the file, and with {@code --project} every file our loader parses with it.
     */
    static void parseCount(Map<String, String> o) {
        List<String> files = new ArrayList<>();
        if (o.containsKey("project"))
            InputFiles.in(Path.of(o.get("project"))).all().forEach(p -> files.add(p.toString()));
        files.add(o.get("file"));
        files.add(0, "--count");
        JenaSystem.init();   // Jena's start-up is not parsing (our loader's parse phase starts after it too)
        long t0 = System.nanoTime();
        riot.main(files.toArray(String[]::new));
        result(Map.of("seconds", secs(t0), "files", files.size() - 1));
    }

    /**
     * Our loader's parse alone (the project's files and the file, as the load parses them, into
     * the loader's in-memory data), timed as {@link #parseCount} times Jena's: the like-for-like
     * figure for the parsing target, run as often as riot's.
     */
    static void parseOurs(Map<String, String> o) {
        JenaSystem.init();   // Jena's start-up is not parsing, as for riot
        long t0 = System.nanoTime();
        var parsed = new InputParser(InputFiles.in(Path.of(o.get("project")))).parseAll(List.of(Path.of(o.get("file"))));
        double s = secs(t0);
        result(Map.of("seconds", s, "quads", parsed.data().stream().count()));
    }

    static void loadJena(Map<String, String> o) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(o.get("db"));
        DataLoader loader = BulkWriter.loader(o.get("loader"), dsg, BulkWriter.QUIET);
        long t0 = System.nanoTime();
        loader.startBulk();
        loader.load(o.get("file"));
        loader.finishBulk();
        double s = secs(t0);
        result(Map.of("seconds", s, "quads", loader.countQuads() + loader.countTriples()));
    }

    // ------------------------------------------------------------------ reasoning

    static Path versionDir(String db) {
        VersionedStore store = new VersionedStore(Path.of(db));
        return store.locationOf(store.currentVersion().orElseThrow());
    }

    static List<String> sample(Map<String, String> o) throws Exception {
        List<String> all = Files.readAllLines(Path.of(o.get("sample")));
        int n = Integer.parseInt(o.getOrDefault("nodes", Integer.toString(all.size())));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** Our answers from the index file: one node both ways; all pairs beside the bare int-array BFS bound ({@link AllPairs}). */
    static void reasonOurs(Map<String, String> o) throws Exception {
        int runs = Integer.parseInt(o.getOrDefault("runs", "3"));
        long t0 = System.nanoTime();
        DependencyIndex idx = DependencyIndex.read(versionDir(o.get("db")).resolve(DependencyIndex.FILE_NAME));
        double read = secs(t0);
        List<Integer> nodes = new ArrayList<>();
        for (String iri : sample(o)) {
            Integer id = idx.idOf(iri);
            if (id != null) nodes.add(id);
        }
        for (int i = 0; i < Math.min(200, nodes.size()); i++) {  // warm-up
            idx.reach(nodes.get(i), true);
            idx.reach(nodes.get(i), false);
        }
        double[] times = new double[nodes.size() * 2];
        long answers = 0;
        for (int i = 0; i < nodes.size(); i++) {
            for (int d = 0; d < 2; d++) {
                long t = System.nanoTime();
                answers += idx.reach(nodes.get(i), d == 0).length;
                times[2 * i + d] = (System.nanoTime() - t) / 1e6;
            }
        }
        result(Map.of("part", "one", "indexRead", read, "nodes", idx.size(), "edges", idx.edgeCount(),
                "ms", times, "answers", answers));
        AllPairs.measure(idx, runs);
    }

    static DatasetGraph openPlain(String db) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(versionDir(db).toString());
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }

    /** ARQ property path, one node at a time, both ways: count of distinct answers. */
    static void arqOne(Map<String, String> o) throws Exception {
        DatasetGraph dsg = openPlain(o.get("db"));
        String path = o.get("path");
        List<String> nodes = sample(o);
        double[] times = new double[nodes.size() * 2];
        long answers = 0;
        Txn.executeRead(dsg, () -> {
            // warm-up on a few nodes
            for (int i = 0; i < Math.min(10, nodes.size()); i++)
                count(dsg, "SELECT (COUNT(DISTINCT ?y) AS ?n) WHERE { <" + nodes.get(i) + "> " + path + " ?y }");
        });
        for (int i = 0; i < nodes.size(); i++) {
            for (int d = 0; d < 2; d++) {
                String x = "<" + nodes.get(i) + ">";
                String q = d == 0 ? "SELECT (COUNT(DISTINCT ?y) AS ?n) WHERE { " + x + " " + path + " ?y }"
                                  : "SELECT (COUNT(DISTINCT ?y) AS ?n) WHERE { ?y " + path + " " + x + " }";
                long t = System.nanoTime();
                answers += Txn.calculateRead(dsg, () -> count(dsg, q));
                times[2 * i + d] = (System.nanoTime() - t) / 1e6;
            }
        }
        result(Map.of("part", "one", "ms", times, "answers", answers));
    }

    static void arqAll(Map<String, String> o) {
        DatasetGraph dsg = openPlain(o.get("db"));
        String q = "SELECT (COUNT(*) AS ?n) WHERE { ?a " + o.get("path") + " ?b FILTER(?a != ?b) }";
        long t = System.nanoTime();
        long n = Txn.calculateRead(dsg, () -> count(dsg, q));
        result(Map.of("part", "all", "seconds", secs(t), "pairs", n));
    }

    static long count(DatasetGraph dsg, String q) {
        try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(q)).build()) {
            return ((Number) qe.select().next().get("n").getLiteralValue()).longValue();
        }
    }

    /** Jena's OWL Micro reasoner over the ontology and the asserted direct dependency edges. */
    static void owlMicro(Map<String, String> o) throws Exception {
        DatasetGraph dsg = openPlain(o.get("db"));
        Model m = ModelFactory.createDefaultModel();
        Set<Node> direct = new HashSet<>(Arrays.stream(o.get("properties").split(",")).map(NodeFactory::createURI).toList());
        long[] edges = {0};
        Txn.executeRead(dsg, () -> {
            dsg.getGraph(Chipgraph.GRAPH_ONTOLOGY).find().forEachRemaining(m.getGraph()::add);
            dsg.find().forEachRemaining(q -> {
                if (!q.getGraph().equals(Chipgraph.GRAPH_INFERRED) && direct.contains(q.getPredicate()) && q.getObject().isURI()) {
                    m.getGraph().add(q.asTriple());
                    edges[0]++;
                }
            });
        });
        Resource hub = m.createResource(sample(o).get(0));
        Property dependsOn = m.createProperty(Chipgraph.NS + "dependsOn");
        long t0 = System.nanoTime();
        InfModel inf = ModelFactory.createInfModel(owlMicroWithChains(m), m);
        inf.prepare();
        result(Map.of("part", "prepare", "seconds", secs(t0), "edges", edges[0], "triples", m.size()));
        long t1 = System.nanoTime();
        long one = inf.listStatements(hub, dependsOn, (Resource) null).toList().size();
        result(Map.of("part", "one", "seconds", secs(t1), "answers", one));
        long t2 = System.nanoTime();
        long all = 0;
        var it = inf.listStatements(null, dependsOn, (Resource) null);
        while (it.hasNext()) { var st = it.next(); if (!st.getSubject().equals(st.getObject())) all++; }
        result(Map.of("part", "all", "seconds", secs(t2), "pairs", all));
    }

    /**
     * OWL Micro does not read owl:propertyChainAxiom; the dependency semantics needs its two-step
     * chains (designerOf o fabricatedBy -> reliesOnFoundry, ...), so each is added as a forward
     * rule, once per pair of sub-properties of its legs (forward rules do not see the
     * sub-property entailments OWL Micro makes backward).
     */
    static Reasoner owlMicroWithChains(Model m) {
        GenericRuleReasoner micro = (GenericRuleReasoner) new OWLMicroReasonerFactory().create(null);
        List<Rule> chains = new ArrayList<>(micro.getRules());
        String q = Chipgraph.PREFIXES + """
                SELECT DISTINCT ?p ?p1 ?p2 WHERE { ?p owl:propertyChainAxiom ?l . ?l rdf:first ?leg1 ; rdf:rest ?r .
                  ?r rdf:first ?leg2 ; rdf:rest rdf:nil .
                  ?p1 rdfs:subPropertyOf* ?leg1 . ?p2 rdfs:subPropertyOf* ?leg2 }""";
        try (QueryExec qe = QueryExec.graph(m.getGraph()).query(QueryFactory.create(q)).build()) {
            qe.select().forEachRemaining(b -> chains.add(Rule.parseRule(
                    "[(?x <" + b.get("p1").getURI() + "> ?y) (?y <" + b.get("p2").getURI() + "> ?z) -> (?x <"
                    + b.get("p").getURI() + "> ?z)]")));
        }
        GenericRuleReasoner r = new GenericRuleReasoner(chains);
        r.setMode(GenericRuleReasoner.HYBRID);
        r.setOWLTranslation(true);
        r.setTransitiveClosureCaching(true);
        return r;
    }

    /** The rules as SPARQL (the specification) and as the Java fast path, on the same input. */
    static void rules(Map<String, String> o) {
        Loader.Prepared p = new Loader(InputFiles.in(Path.of(o.get("project"))), List.of(Path.of(o.get("file"))),
                new PrintStream(new ByteArrayOutputStream())).prepare();
        Graph in = GraphFactory.createDefaultGraph();
        p.inputs().ontology().find().forEachRemaining(in::add);
        p.inputs().data().find().forEachRemaining(q -> { if (!Chipgraph.isClaimsGraph(q.getGraph())) in.add(q.asTriple()); });
        RuleSet rules = RuleSet.fromDirectory(Path.of(o.get("project")).resolve("ontology/rules"));
        long t0 = System.nanoTime();
        Graph fast = new FastMaterializer(rules, Long.MAX_VALUE).materialize(in, m -> {}).inferred();
        double java = secs(t0);
        result(Map.of("part", "java", "seconds", java, "inferred", fast.size()));
        long t1 = System.nanoTime();
        Graph sparql = new Materializer(rules).materialize(in, m -> {}).inferred();
        double sp = secs(t1);
        Set<Triple> a = fast.find().toSet(), b = sparql.find().toSet();
        result(Map.of("part", "sparql", "seconds", sp, "inferred", sparql.size(), "equal", a.equals(b)));
    }

    // ------------------------------------------------------------------ a plain Fuseki

    /** Fuseki with just the dataset (query timeout as given), until standard input closes. */
    static void servePlain(Map<String, String> o) throws Exception {
        DatasetGraph dsg = openPlain(o.get("db"));
        dsg.getContext().set(ARQ.queryTimeout, o.getOrDefault("timeout-ms", "60000"));
        FusekiServer server = FusekiServer.create().port(Integer.parseInt(o.get("port"))).loopback(true)
                .enablePing(true).enableMetrics(true).add("/ds", dsg).build();
        server.start();
        System.out.println("READY " + server.getHttpPort());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        server.stop();
        result(Map.of("part", "server"));
    }
}
