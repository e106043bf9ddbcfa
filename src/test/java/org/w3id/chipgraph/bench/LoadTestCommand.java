package org.w3id.chipgraph.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.serve.ChipgraphServer;
import org.w3id.chipgraph.serve.ServerOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.nio.file.Path;

@Command(name = "load-test", mixinStandardHelpOptions = true,
        description = {"N concurrent clients send the catalogue queries (queries/*.rq, defaults bound, 'federated' left out)",
                "one after another for M seconds, on loopback: throughput, p50/p90/p99 latency and errors.",
                "Without --endpoint, loads the curated graph into memory and serves it in this process first.",
                "Exit code 1 if any request failed."})
public final class LoadTestCommand implements Callable<Integer> {
    @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", paramLabel = "M", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "5", description = "Seconds of warm-up, not counted (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--endpoint", paramLabel = "URL", description = "A running server's SPARQL endpoint, e.g. http://localhost:3030/chipgraph/sparql.")
    String endpoint;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".", description = "The checkout with queries/ (and ontology/, data/ to serve) (default: the working directory).")
    Path project;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1 || warmup < 0)
            throw new IllegalArgumentException("--clients and --seconds must be at least 1, --warmup at least 0");
        List<LoadTest.Workload> workload = LoadTest.catalogue(QueryCatalog.in(project.resolve("queries")), "federated");
        FusekiServer server = null;
        String target = endpoint;
        if (target == null) {
            System.out.println("Loading the curated graph into memory and serving it on loopback ...");
            DatasetGraph dsg = new Loader(InputFiles.in(project), List.of(), new PrintStream(new ByteArrayOutputStream(), true)).loadInMemory();
            server = ChipgraphServer.build(dsg, new ServerOptions(0, ServerOptions.DEFAULT_TIMEOUT, true));
            server.start();
            target = "http://127.0.0.1:" + server.getHttpPort() + ServerOptions.DATASET + "/sparql";
        }
        try {
            System.out.printf("%d queries in the mix; %d s warm-up, then %d s measured ...%n", workload.size(), warmup, seconds);
            LoadTest.Result r = LoadTest.run(target, workload, clients, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup));
            LoadTest.report(r, target, System.out);
            return r.errors() == 0 ? ExitCode.OK.code : ExitCode.ERROR.code;
        } finally {
            if (server != null)
                server.stop();
        }
    }
}
