package org.w3id.chipgraph;

import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.util.Symbol;

/**
 * How a SPARQL function (text search, cgf:dependsOn...) finds an index of the store version it
 * runs on. The server's store context (web.StoreContext) owns those indexes, one set per version,
 * and hands the functions a way to them in the dataset's context; this is the only place they
 * are looked up. A query on a dataset no server serves (a command, a test) builds what it needs
 * for itself, kept for the rest of that query only: nothing here outlives the query or the context.
 */
public final class PerVersion {
    private PerVersion() {}

    /** Let the functions running on {@code dsg} use {@code value} (called by the store context of that version). */
    public static <T> void provide(DatasetGraph dsg, Symbol key, Supplier<T> value) {
        dsg.getContext().set(key, value);
    }

    /** The value the query's store version provides, else one built for this query alone. */
    public static <T> T get(ExecutionContext cxt, Symbol key, Function<DatasetGraph, T> build) {
        Supplier<T> s = cxt.getContext().get(key);
        if (s == null) {
            // The query's own context (a copy made for this execution): built at most once per query.
            s = new Memo<>(() -> build.apply(cxt.getDataset()));
            cxt.getContext().set(key, s);
        }
        return s.get();
    }
}
