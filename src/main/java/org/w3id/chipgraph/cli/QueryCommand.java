package org.w3id.chipgraph.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.time.LocalDate;
import org.apache.jena.query.ResultSet;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a catalogue query (queries/NAME.rq) or a .rq file against the store or a server.",
                "While a server holds the store (TDB2 lets one process open it), the query goes to that server."})
final class QueryCommand implements Callable<Integer> {
    enum Format { table, csv, tsv, json }

    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME|FILE", description = "A query name from queries/ (without .rq), or a path to a .rq file.")
    String query;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--endpoint", paramLabel = "URL", description = {"A SPARQL endpoint, e.g. http://localhost:3030/chipgraph/sparql, instead of --db.",
            "Not needed beside a running serve: the server holding the store is found by itself."})
    String endpoint;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "Bind a declared parameter ('#+ param:' line).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The date a valid-time query answers for: binds its ?asOf parameter (same as -p asOf=DATE).")
    LocalDate asOf;

    @Option(names = "--width", paramLabel = "COLUMNS", defaultValue = "" + TextTable.DEFAULT_WIDTH,
            description = "For --format table: fit the table in this many terminal columns, cutting long cells with '…' (default: ${DEFAULT-VALUE} on a terminal; piped output keeps cells whole).")
    int width;

    @Option(names = "--full-width", description = "For --format table: keep every cell whole, however wide the table.")
    boolean fullWidth;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    private boolean widthGiven() {
        return spec != null && spec.commandLine().getParseResult().hasMatchedOption("--width");
    }

    /** Whether stdout is a terminal: piped or redirected output keeps every cell whole (scripts, files). */
    static boolean terminal() {
        java.io.Console c = System.console();
        if (c == null)
            return false;
        try {   // JDK 22+: a Console exists even when redirected; isTerminal() tells
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;   // JDK 21: a Console exists only for a terminal
        }
    }

    @Override
    public Integer call() {
        QueryCatalog catalog = QueryCatalog.in(storeOptions.project.resolve("queries"));
        CatalogQuery cq = catalog.resolve(query);
        Query q = cq.parse();
        if (!q.isSelectType())
            throw new IllegalArgumentException(cq.file() + ": only SELECT queries can be run with 'query'");
        if (asOf != null) {
            if (cq.params().stream().noneMatch(p -> p.var().equals("asOf")))
                throw new IllegalArgumentException("Query " + cq.name() + " takes no date (no '#+ param: ?asOf date' line)");
            params.put("asOf", asOf.toString());
        }
        Map<Var, Node> bindings = QueryRunner.bindings(cq, params);
        RowSetRewindable rows;
        try (GraphAccess g = GraphAccess.open(storeOptions, endpoint)) {
            rows = g.select(q, bindings);
        }
        var rs = ResultSet.adapt(rows);
        switch (format) {
            case table -> {
                // Show typed literals with the usual prefixes (xsd:date, not the full IRI).
                var shown = q.getPrologue().copy();
                shown.getPrefixMapping().setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
                new TextTable(rows, shown.getPrefixMapping()).print(System.out, fullWidth || (!widthGiven() && !terminal()) ? 0 : width);
            }
            case csv -> ResultSetFormatter.outputAsCSV(System.out, rs);
            case tsv -> ResultSetFormatter.outputAsTSV(System.out, rs);
            case json -> ResultSetFormatter.outputAsJSON(System.out, rs);
        }
        return ExitCode.OK.code;
    }
}
