package org.w3id.chipgraph;

import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * Something built once for a dataset (an index over one store version) and kept in that
 * dataset's own Jena context: it lives exactly as long as the dataset, a reloaded version
 * brings a new dataset and so a new value, and a SPARQL function running on the dataset finds
 * the same value as the pages do. No static map, no lock shared between datasets.
 */
public final class PerDataset {
    private PerDataset() {}

    public static <T> T get(DatasetGraph dsg, Symbol key, Function<DatasetGraph, T> build) {
        Context cxt = dsg.getContext();
        Memo<T> memo;
        // Held only to find or add the memo; the build itself runs under the memo's own lock.
        synchronized (cxt) {
            memo = cxt.get(key);
            if (memo == null) {
                memo = new Memo<>(() -> build.apply(dsg));
                cxt.set(key, memo);
            }
        }
        return memo.get();
    }
}
