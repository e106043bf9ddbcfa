package org.w3id.chipgraph.load;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.Daemon;
import org.w3id.chipgraph.HaltPoint;
import org.w3id.chipgraph.store.BulkWriter;
import org.w3id.chipgraph.store.IndexOrderWriter;

/**
 * Writes a new store version while validation and reasoning run: the asserted data (ontology,
 * facts, claims, sources) streams into the new TDB2 database on its own thread (through a bulk
 * loader, or when small one write transaction that fills each index in key order) as soon as it is parsed and checked, and the
 * inferred triples and explanations follow once they exist. Writing
 * no longer waits for SHACL and the rules, nor they for it (issue 17: at scale 1 the cold store
 * writing alone took as long as Jena's whole bulk load). Nothing is published here: when either
 * side fails, {@link #abort} stops the writer and the caller discards the unpublished version.
 */
final class ConcurrentWrite {
    /** Written after the asserted data: the inferred triples once reasoning is done, the explanations (null: none) after them. */
    private final CompletableFuture<Graph> inferred = new CompletableFuture<>();
    private final CompletableFuture<Graph> explanations = new CompletableFuture<>();
    private final CompletableFuture<Long> written;
    /** Seconds the writer worked (not counting its wait for the inferred triples). */
    private volatile double writingSeconds;
    /** How the version was written (for a small load known once the writer is done). */
    private volatile String method = "";

    /**
     * Below this many quads a batch is written in one write transaction as it streams, each index
     * in key order: a TDB2 bulk loader sends nothing to its index threads until it holds a chunk of
     * 100,000 tuples, so for a small load all of its work would wait for the end (after
     * reasoning). When the asserted data is this large, everything goes through one bulk loader.
     */
    static final long TRANSACTION_BELOW = 100_000;

    /** Takes the quads to write batch by batch, each with its size. */
    @FunctionalInterface
    private interface BatchSink {
        void accept(Iterator<Quad> quads, long size);
    }

    private ConcurrentWrite(ParsedInputs in, Path location, long assertedCount, boolean small) {
        written = Daemon.supply("chipgraph-store-writer", () -> {
            long t0 = System.nanoTime();
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
            long[] waited = {0};
            // Three batches: the asserted data now, the inferred triples and the explanations once they exist.
            Consumer<BatchSink> everything = batch -> {
                batch.accept(Iter.concat(
                        Iter.map(in.ontology().find(), t -> Quad.create(Chipgraph.GRAPH_ONTOLOGY, t)),
                        in.data().find()), assertedCount);
                HaltPoint.reached(HaltPoint.WRITE);
                long w = System.nanoTime();
                Graph inf = inferred.join();
                waited[0] = System.nanoTime() - w;
                batch.accept(Iter.map(inf.find(), t -> Quad.create(Chipgraph.GRAPH_INFERRED, t)), inf.size());
                w = System.nanoTime();
                Graph expl = explanations.join();
                waited[0] += System.nanoTime() - w;
                if (expl != null)
                    batch.accept(Iter.map(expl.find(), t -> Quad.create(Chipgraph.GRAPH_EXPLANATIONS, t)), expl.size());
            };
            try {
                if (!small)
                    return BulkWriter.write(dsg, s -> everything.accept((quads, size) -> quads.forEachRemaining(s::quad)));
                // A small input can still infer many quads (a closure just under the limit, with its explanations).
                long[] n = {0}, transactions = {0}, bulk = {0};
                everything.accept((quads, size) -> {
                    if (size < TRANSACTION_BELOW) {
                        n[0] += IndexOrderWriter.write(dsg, quads);
                        transactions[0]++;
                    } else {
                        long sent = BulkWriter.write(dsg, s -> quads.forEachRemaining(s::quad));
                        n[0] += sent;
                        bulk[0] += sent;
                    }
                });
                method = String.format(Locale.ROOT, "%d write transaction%s, each index in key order%s", transactions[0],
                        transactions[0] == 1 ? "" : "s",
                        bulk[0] == 0 ? "" : String.format(Locale.ROOT, ", and %,d quads with the TDB2 %s bulk loader", bulk[0], BulkWriter.loaderName()));
                return n[0];
            } finally {
                // Let go of the database files: the version is published, or discarded, by path.
                TDBInternal.expel(dsg);
                writingSeconds = (System.nanoTime() - t0 - waited[0]) / 1e9;
            }
        });
        if (!small)
            method = "the TDB2 " + BulkWriter.loaderName() + " bulk loader";
    }

    /**
     * Start writing {@code in}'s asserted data into a fresh TDB2 database at {@code location}, now.
     * From here on {@code in} is only read (by this writer, SHACL and reasoning at once).
     */
    static ConcurrentWrite start(ParsedInputs in, Path location) {
        // Counting stops at the threshold: no pass over a large input just to learn that it is large.
        long asserted = in.ontology().size() + in.data().stream().limit(TRANSACTION_BELOW).count();
        return new ConcurrentWrite(in, location, asserted, asserted < TRANSACTION_BELOW);
    }

    /** How the version was written, for the load's report (after {@link #finish}). */
    String method() {
        return method;
    }

    /** Hand over the inferred triples (reasoning is done; the writer goes on with them while the rest is computed). */
    void inferred(Graph triples) {
        inferred.complete(triples);
    }

    /**
     * Hand over the explanations (null: none), wait until everything is written and the database
     * closed, and return the quads written. A failure of the writer is thrown here.
     */
    long finish(Graph explanationGraph) {
        if (!inferred.isDone())
            throw new IllegalStateException("the inferred triples were not handed over");
        explanations.complete(explanationGraph);
        return Daemon.join(written);
    }

    /** Stop the writer after a failure elsewhere and wait until it has closed the database. */
    void abort(Throwable cause) {
        inferred.completeExceptionally(cause);
        explanations.completeExceptionally(cause);
        try {
            written.join();
        } catch (CompletionException expected) {
            // The writer fails with the cause handed to it (or its own error): the caller reports the cause.
        }
    }

    /** Seconds the writer spent writing, beside the other steps. */
    double writingSeconds() {
        return writingSeconds;
    }
}
