package org.w3id.chipgraph.cli;

import java.util.function.Function;

import org.apache.jena.atlas.json.JsonObject;

import picocli.CommandLine.Option;

/** What the dependency reports (explain, impact, chokepoints) share: where the graph is read, and text or JSON out. */
final class ReportOptions {
    @Option(names = "--endpoint", paramLabel = "URL", description = "A running server's SPARQL endpoint instead of --db (found by itself when a server holds the store).") String endpoint;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).") ReportFormat format;

    /** Builds the report on the store (or the server holding it), prints it as asked, and returns it. */
    JsonObject print(StoreOptions store, Function<GraphAccess, JsonObject> report, Function<JsonObject, String> text) {
        try (GraphAccess g = GraphAccess.open(store, endpoint)) {
            JsonObject r = report.apply(g);
            System.out.print(format == ReportFormat.json ? r + "\n" : text.apply(r));
            return r;
        }
    }
}
