package org.w3id.chipgraph.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.eto.EtoStage;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.serve.ChipgraphServer;
import org.w3id.chipgraph.serve.ServerOptions;
import org.w3id.chipgraph.serve.ServicePolicy;
import org.w3id.chipgraph.serve.StoreFollower;
import org.w3id.chipgraph.store.VersionedStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the graph with Fuseki: home page and entity pages at /, SPARQL at /chipgraph/sparql, the Fuseki UI at /ui/.",
                "Loads first when the store has no published version. Read-only over HTTP."})
final class ServeCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Mixin EpochOptions epochOptions;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerOptions.DEFAULT_PORT, description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--mem", description = "Load into memory and serve that; the store directory is not used.")
    boolean mem;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Default query timeout (default: ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    @Option(names = "--localhost", description = "Listen on the loopback interface only.")
    boolean localhost;

    @Option(names = "--service-map", paramLabel = "IRI=URL", description = {
            "Allow SPARQL SERVICE <IRI> and send it to URL (repeatable), e.g.",
            "  https://query.wikidata.org/sparql=http://127.0.0.1:3031/wd/sparql",
            "SERVICE may call only https://query.wikidata.org/sparql (itself, by default) and the IRIs given here."})
    Map<String, String> serviceMap = new LinkedHashMap<>();

    @Mixin SecurityArgs security;

    @Override
    public Integer call() throws Exception {
        ServerOptions options = new ServerOptions(port, Duration.ofSeconds(timeoutSeconds), localhost, ServicePolicy.of(serviceMap),
                storeOptions.project).with(security.options());
        // The ETO import, when configured in chipgraph.properties (load.eto), is part of loading here too.
        Loader loader = new Loader(InputFiles.in(storeOptions.project), List.of(), System.out)
                .withStages(epochOptions.stages(storeOptions.project))
                .withStage(EtoStage.of(new EtoOptions().source(storeOptions.project)));
        DatasetGraph dsg;
        StoreFollower follower = null;
        VersionedStore store = storeOptions.store();
        if (mem) {
            dsg = loader.loadInMemory();
        } else {
            if (!store.hasPublishedVersion()) {
                System.out.println("No store in " + store.root() + " yet: loading first.");
                loader.load(store);
            }
            dsg = openServed(store);
        }
        FusekiServer server = ChipgraphServer.build(dsg, options);
        server.start();
        if (!mem) {
            follower = new StoreFollower(store, store.currentVersion().orElseThrow(), server, options, System.out);
            follower.start(2000);
            ChipgraphServer.attachFollower(server, follower);
        }
        int actual = server.getHttpPort();
        if (!mem)
            noteBesideStore(store, "http://localhost:" + actual + ServerOptions.DATASET + "/sparql");
        System.out.println();
        System.out.println("chipgraph is serving " + (mem ? "an in-memory load" : store.root()));
        System.out.println("  Home page:       http://localhost:" + actual + "/");
        System.out.println("  Fuseki UI:       http://localhost:" + actual + "/ui/");
        System.out.println("  SPARQL endpoint: http://localhost:" + actual + ServerOptions.DATASET + "/sparql");
        System.out.println("  Health:          http://localhost:" + actual + "/$/ping");
        security.describe(options, server, System.out);
        options.services().serviceMap().forEach((iri, target) -> System.out.println("  SERVICE allowed: <" + iri + ">"
                + (iri.equals(target) ? "" : " -> " + target)));
        System.out.println("Stop with Ctrl-C.");
        server.join();
        if (follower != null)
            follower.close();
        if (!mem)
            ServerRecord.remove(store.root());
        return ExitCode.OK.code;
    }

    /** The published store, or an error naming the server that already serves it. */
    private static DatasetGraph openServed(VersionedStore store) {
        try {
            return store.openCurrent();
        } catch (VersionedStore.StoreInUseException e) {
            ServerRecord other = GraphAccess.serverHolding(store.root(), e);
            throw new IllegalStateException("The store " + store.root() + " is already served by the server at " + other.base()
                    + " (pid " + other.pid() + "): use that one, stop it first, or serve another --db", e);
        }
    }

    /** Reading commands run beside this server find it through this note (removed at stop, also on Ctrl-C). */
    private static void noteBesideStore(VersionedStore store, String endpoint) {
        ServerRecord.write(store.root(), endpoint);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ServerRecord.remove(store.root()), "chipgraph-server-note"));
    }
}
