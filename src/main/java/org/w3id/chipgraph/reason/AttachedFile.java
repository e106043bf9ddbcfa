package org.w3id.chipgraph.reason;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.slf4j.LoggerFactory;
import org.w3id.chipgraph.Daemon;

/**
 * A file the loader wrote beside a store version (the dependency index, the dependency graph),
 * read in the background when the version is opened and kept in its dataset's context.
 */
final class AttachedFile {
    private AttachedFile() {}

    /** Start reading {@code file} into the context under {@code key}; false when the version has no such file. */
    static <T> boolean attach(DatasetGraph dsg, Symbol key, Path file, Function<Path, T> read) {
        if (!Files.isRegularFile(file))
            return false;
        dsg.getContext().set(key, Daemon.supply("chipgraph-read-" + file.getFileName(), () -> read.apply(file)));
        return true;
    }

    /**
     * What is attached under {@code key}, waiting for its read; null when nothing is, or when the
     * file could not be read (e.g. written by a newer chipgraph). That is not fatal: callers build
     * the same from the store, as for a version written without the file; the failure is logged
     * once and the entry dropped.
     */
    static <T> T joined(Context cxt, Symbol key, Class<T> type, String what) {
        if (cxt == null)
            return null;
        Object v = cxt.get(key);
        if (type.isInstance(v))
            return type.cast(v);
        if (!(v instanceof CompletableFuture<?> f))
            return null;
        try {
            return type.cast(f.join());
        } catch (CompletionException | CancellationException e) {
            LoggerFactory.getLogger(AttachedFile.class).warn("{} not usable, building it from the store instead: {}", what,
                    e.getCause() == null ? e : e.getCause().getMessage());
            cxt.remove(key);
            return null;
        }
    }
}
