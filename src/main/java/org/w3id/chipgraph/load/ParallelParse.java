package org.w3id.chipgraph.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * Parses several pieces (files, or pieces of a large file) side by side on a few worker threads
 * while one thread, the loader's, takes their statements piece by piece in the order the pieces
 * were submitted, so that what it does with them (the integrity notes, the first file that says
 * something) does not depend on which worker was faster.
 *
 * <p>Memory is bounded: the piece being taken may be {@value #QUEUE} chunks ahead of its reader;
 * the pieces after it, together, at most {@code bufferedLimit} statements; a worker that would
 * pass either waits. Workers take pieces in submission order, so the piece being taken has always
 * been started and nothing waits for ever.
 */
final class ParallelParse implements AutoCloseable {
    static final int CHUNK = 1_000, QUEUE = 100;

    /** One piece: its statements as they come, in chunks, and how its parse ended. */
    static final class Piece {
        private final ArrayDeque<List<Object>> chunks = new ArrayDeque<>();
        private boolean done;
        private Throwable error;
    }

    private final ExecutorService workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long bufferedLimitChunks;
    private long buffered;
    private Piece current;
    private boolean cancelled;

    ParallelParse(int workers, long bufferedLimit) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "chipgraph-parse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.bufferedLimitChunks = Math.max(QUEUE, bufferedLimit / CHUNK);
    }

    /** Starts {@code parse} (which sends its statements to the stream it is given) when a worker is free. */
    Piece submit(Consumer<StreamRDF> parse) {
        Piece piece = new Piece();
        workers.execute(() -> {
            Throwable failure = parseInto(piece, parse);
            change(() -> {
                piece.error = failure;
                piece.done = true;
            });
        });
        return piece;
    }

    /** Runs one parse on this worker, its statements into the piece's chunks; what it threw, or null. */
    private Throwable parseInto(Piece piece, Consumer<StreamRDF> parse) {
        Throwable failure = null;
        ChunkSink sink = new ChunkSink(piece);
        try {
            parse.accept(sink);
        } catch (Throwable e) {
            failure = e;
        }
        try {
            sink.handOver();   // the statements before a failure too, as a parse on this thread would have given them
        } catch (CancellationException e) {
            failure = failure != null ? failure : e;
        }
        return failure;
    }

    /**
     * Sends a piece's statements to {@code sink}, in order, as they are parsed; then throws what
     * its parse threw, as it was thrown (after the statements before the failure).
     */
    void take(Piece piece, StreamRDF sink) {
        change(() -> current = piece);
        while (true) {
            List<Object> chunk;
            lock.lock();
            try {
                while (piece.chunks.isEmpty() && !piece.done)
                    await();
                chunk = piece.chunks.poll();
                if (chunk == null)
                    break;
                buffered--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            for (Object s : chunk) {
                if (s instanceof Quad q) sink.quad(q);
                else sink.triple((Triple) s);
            }
        }
        if (piece.error instanceof RuntimeException e) throw e;
        if (piece.error instanceof Error e) throw e;
        if (piece.error != null) throw new IllegalStateException(piece.error);
    }

    private void put(Piece piece, List<Object> chunk) {
        lock.lock();
        try {
            while (!cancelled && (piece == current ? piece.chunks.size() >= QUEUE : buffered >= bufferedLimitChunks))
                await();
            if (cancelled)
                throw new CancellationException("parse abandoned");
            piece.chunks.add(chunk);
            buffered++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await() {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** Stops every parse still running or waiting; their statements are dropped. */
    @Override
    public void close() {
        change(() -> cancelled = true);
        workers.shutdownNow();
    }

    /** Changes the shared state under the lock and wakes whoever waits on it. */
    private void change(Runnable update) {
        lock.lock();
        try {
            update.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Collects a worker's statements into chunks for {@link #take}. */
    private final class ChunkSink extends StreamRDFBase {
        private final Piece piece;
        private List<Object> chunk = new ArrayList<>(CHUNK);

        ChunkSink(Piece piece) {
            this.piece = piece;
        }

        @Override public void triple(Triple t) { add(t); }
        @Override public void quad(Quad q) { add(q); }

        private void add(Object s) {
            chunk.add(s);
            if (chunk.size() == CHUNK)
                handOver();
        }

        void handOver() {
            if (chunk.isEmpty())
                return;
            put(piece, chunk);
            chunk = new ArrayList<>(CHUNK);
        }
    }
}
