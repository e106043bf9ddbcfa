package org.w3id.chipgraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.w3id.chipgraph.reason.DependencyIndex;

/**
 * All dependency pairs counted by our index and by the bare int-array BFS bound, each on one
 * thread and on every core, so that each check compares the same number of threads (issue 17).
 * Our index walks from every node with a parallel stream; run inside a fork-join pool of one
 * thread, that stream runs on that one thread.
 */
final class AllPairs {
    private AllPairs() {}

    /** Sources handed to a bound's thread at a time: small enough to balance hubs across threads. */
    private static final int CHUNK = 64;

    /** Reports parts "all1", "bound1", "all" and "bound" (seconds per run, pairs, threads). */
    static void measure(DependencyIndex idx, int runs) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int[] start = idx.outOffsets(), adj = idx.outTargets();
        int n = idx.size();
        ForkJoinPool one = new ForkJoinPool(1), all = new ForkJoinPool(cores);
        ExecutorService boundPool = Executors.newFixedThreadPool(cores);
        try {
            List<LongSupplier> ways = List.of(
                    () -> inPool(one, idx::computeAllPairs),
                    () -> bfsAllPairs(n, start, adj),
                    () -> inPool(all, idx::computeAllPairs),
                    () -> parallelBfsAllPairs(n, start, adj, cores, boundPool));
            // Both walks take milliseconds at small scales: untimed runs of each first (for at least
            // half a second), so that none is timed while the JIT is still compiling it; then the
            // timed runs alternate, so that all see the same machine.
            long warmUntil = System.nanoTime() + 500_000_000L;
            do ways.forEach(LongSupplier::getAsLong);
            while (System.nanoTime() < warmUntil);
            double[][] secs = new double[ways.size()][runs];
            long[] pairs = new long[ways.size()];
            for (int r = 0; r < runs; r++)
                for (int w = 0; w < ways.size(); w++) {
                    long t = System.nanoTime();
                    pairs[w] = ways.get(w).getAsLong();
                    secs[w][r] = BenchWorker.secs(t);
                }
            String[] parts = {"all1", "bound1", "all", "bound"};
            for (int w = 0; w < parts.length; w++)
                BenchWorker.result(Map.of("part", parts[w], "seconds", secs[w], "pairs", pairs[w], "threads", w < 2 ? 1 : cores));
        } finally {
            one.shutdown();
            all.shutdown();
            boundPool.shutdown();
        }
    }

    private static long inPool(ForkJoinPool pool, LongSupplier task) {
        return pool.submit(task::getAsLong).join();
    }

    /** Reachable (a, b) pairs with b != a, by one BFS per node over CSR arrays, one thread. */
    static long bfsAllPairs(int n, int[] start, int[] adj) {
        return bfsFrom(0, n, new int[n], new int[n], start, adj);
    }

    /** BFS from each source in [from, to), with the caller's stamp and queue arrays (source a's epoch is a + 1). */
    private static long bfsFrom(int from, int to, int[] stamp, int[] queue, int[] start, int[] adj) {
        long pairs = 0;
        for (int a = from; a < to; a++) {
            int epoch = a + 1, head = 0, tail = 0;
            stamp[a] = epoch;
            queue[tail++] = a;
            while (head < tail) {
                int x = queue[head++];
                for (int i = start[x]; i < start[x + 1]; i++) {
                    int y = adj[i];
                    if (stamp[y] != epoch) { stamp[y] = epoch; queue[tail++] = y; }
                }
            }
            pairs += tail - 1;
        }
        return pairs;
    }

    /**
     * The same BFS on {@code threads} threads: each takes the next {@value #CHUNK} sources until
     * none are left, with its own stamp and queue arrays.
     */
    static long parallelBfsAllPairs(int n, int[] start, int[] adj, int threads, ExecutorService pool) {
        AtomicInteger next = new AtomicInteger();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++)
            tasks.add(() -> {
                int[] stamp = new int[n], queue = new int[n];
                long pairs = 0;
                for (int from; (from = next.getAndAdd(CHUNK)) < n; )
                    pairs += bfsFrom(from, Math.min(n, from + CHUNK), stamp, queue, start, adj);
                return pairs;
            });
        try {
            long sum = 0;
            for (Future<Long> f : pool.invokeAll(tasks)) sum += f.get();
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
