package org.w3id.chipgraph.reason;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.w3id.chipgraph.Chipgraph;

/**
 * The transitive cg:dependsOn relation as an index: the base dependency edges (every
 * cg:dependsOn triple the rules derive before transitivity, i.e. asserted direct edges lifted
 * through sub-properties, inverses and property chains) as compressed int adjacency arrays in
 * both directions, walked breadth-first. It answers exactly what the materialized closure
 * holds: "a depends on b" when b is reachable from a by one or more edges, except a itself,
 * which is there only when a has a direct edge to itself (rule 60 never derives x dependsOn x).
 *
 * <p>Built at load time and written to the store version directory as {@value #FILE_NAME}
 * before the version is published; a server or command that opens the version attaches it to
 * the dataset's context ({@link #attachFile}), where the property function cgf:dependsOn and
 * /api/dependencies find it.
 */
public final class DependencyIndex {
    public static final String FILE_NAME = "dependency-index.bin";
    /** Dataset context key under which an opened store holds its index (a {@link CompletableFuture}). */
    public static final Symbol CONTEXT_KEY = Symbol.create(Chipgraph.NS + "dependencyIndex");

    // Package-private for DependencyIndexFile, which writes and reads them.
    final String[] iris;
    private final Map<String, Integer> ids;
    final int[] outStart, outAdj;
    private final int[] inStart, inAdj;
    final boolean[] selfLoop;
    volatile long pairs = -1;
    /** Answers per node each way (what it depends on, what depends on it), once computed. */
    volatile int[] outCount, inCount;

    DependencyIndex(String[] iris, int[] outStart, int[] outAdj, boolean[] selfLoop) {
        this.iris = iris;
        this.outStart = outStart;
        this.outAdj = outAdj;
        this.selfLoop = selfLoop;
        int n = iris.length;
        this.ids = new HashMap<>(Math.max(16, (int) (n / 0.7)));
        for (int i = 0; i < n; i++)
            ids.put(iris[i], i);
        inStart = new int[n + 1];
        for (int x : outAdj) inStart[x + 1]++;
        for (int i = 0; i < n; i++) inStart[i + 1] += inStart[i];
        inAdj = new int[outAdj.length];
        int[] pos = Arrays.copyOf(inStart, n);
        for (int a = 0; a < n; a++)
            for (int i = outStart[a]; i < outStart[a + 1]; i++)
                inAdj[pos[outAdj[i]]++] = a;
    }

    /**
     * An index over the edges {@code from[i] -> to[i]} between the nodes named by {@code iris}.
     * Duplicate edges are kept once; a self-loop is kept as a flag, not as an edge.
     */
    public static DependencyIndex fromEdges(String[] iris, int[] from, int[] to) {
        int n = iris.length, m = from.length;
        boolean[] self = new boolean[n];
        int[] start = new int[n + 1];
        for (int e = 0; e < m; e++)
            if (from[e] != to[e]) start[from[e] + 1]++;
            else self[from[e]] = true;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] adj = new int[start[n]];
        int[] pos = Arrays.copyOf(start, n);
        for (int e = 0; e < m; e++)
            if (from[e] != to[e]) adj[pos[from[e]]++] = to[e];
        // Sort and de-duplicate each adjacency list, so answers come in a stable order.
        int w = 0;
        int[] newStart = new int[n + 1];
        for (int a = 0; a < n; a++) {
            int s = start[a], t = start[a + 1];
            Arrays.sort(adj, s, t);
            newStart[a] = w;
            for (int i = s; i < t; i++)
                if (i == s || adj[i] != adj[i - 1]) adj[w++] = adj[i];
        }
        newStart[n] = w;
        return new DependencyIndex(iris.clone(), newStart, Arrays.copyOf(adj, w), self);
    }

    public int size() { return iris.length; }
    public int edgeCount() { return outAdj.length; }
    public String iri(int node) { return iris[node]; }
    public Integer idOf(String iri) { return ids.get(iri); }
    public boolean hasSelfLoop(int node) { return selfLoop[node]; }
    public int outDegree(int node) { return outStart[node + 1] - outStart[node]; }
    public int inDegree(int node) { return inStart[node + 1] - inStart[node]; }

    // ------------------------------------------------------------------ walks

    /** Scratch space of one thread: a visit stamp per node and a queue. */
    private static final class Scratch {
        int[] stamp = new int[0];
        int[] queue = new int[0];
        int epoch;
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private Scratch scratch() {
        Scratch s = scratch.get();
        if (s.stamp.length != iris.length) {
            s.stamp = new int[iris.length];
            s.queue = new int[iris.length];
            s.epoch = 0;
        }
        if (++s.epoch == Integer.MAX_VALUE) {
            Arrays.fill(s.stamp, 0);
            s.epoch = 1;
        }
        return s;
    }

    /**
     * What {@code node} depends on ({@code forward}) or what depends on it (not forward), in
     * breadth-first order: nearest first, each list in IRI-id order.
     */
    public int[] reach(int node, boolean forward) {
        Scratch s = scratch();
        int tail = bfs(node, forward, s);
        int[] out = new int[tail - 1 + (selfLoop[node] ? 1 : 0)];
        int w = 0;
        if (selfLoop[node])
            out[w++] = node;
        for (int i = 0; i < tail; i++)
            if (s.queue[i] != node) out[w++] = s.queue[i];
        return out;
    }

    /** How many nodes {@link #reach} would return, without allocating the answer. */
    public int reachCount(int node, boolean forward) {
        int[] c = forward ? outCount : inCount;
        if (c != null)
            return c[node];
        Scratch s = scratch();
        return bfs(node, forward, s) - 1 + (selfLoop[node] ? 1 : 0);
    }

    /**
     * The first {@code limit} answers of {@link #reach} (nearest first), walking no further
     * than needed to find them.
     */
    public int[] first(int node, boolean forward, int limit) {
        if (limit <= 0)
            return new int[0];
        Scratch s = scratch();
        int[] start = forward ? outStart : inStart, adj = forward ? outAdj : inAdj, stamp = s.stamp, queue = s.queue;
        int epoch = s.epoch, head = 0, tail = 0;
        int[] out = new int[Math.min(limit, iris.length)];
        int w = 0;
        if (selfLoop[node])
            out[w++] = node;
        stamp[node] = epoch;
        queue[tail++] = node;
        while (head < tail && w < out.length) {
            int x = queue[head++];
            for (int i = start[x], end = start[x + 1]; i < end && w < out.length; i++) {
                int y = adj[i];
                if (stamp[y] != epoch) {
                    stamp[y] = epoch;
                    queue[tail++] = y;
                    if (y != node) out[w++] = y;
                }
            }
        }
        return w == out.length ? out : Arrays.copyOf(out, w);
    }

    /**
     * Count every node's answers both ways (one walk from each node, each way, on every core),
     * so that {@link #reachCount} is a lookup and the closure size is known. Done at load time.
     */
    public void computeCounts() {
        int n = iris.length;
        int[] out = new int[n], in = new int[n];
        nodes().forEach(a -> {
            Scratch s = scratch();
            out[a] = bfs(a, true, s) - 1 + (selfLoop[a] ? 1 : 0);
            Scratch s2 = scratch();
            in[a] = bfs(a, false, s2) - 1 + (selfLoop[a] ? 1 : 0);
        });
        long p = 0;
        for (int c : out) p += c;
        outCount = out;
        inCount = in;
        pairs = p;
    }

    public boolean hasCounts() { return outCount != null; }

    /** Does {@code a} depend on {@code b}? */
    public boolean dependsOn(int a, int b) {
        if (a == b)
            return selfLoop[a];
        Scratch s = scratch();
        int[] start = outStart, adj = outAdj, stamp = s.stamp, queue = s.queue;
        int epoch = s.epoch, head = 0, tail = 0;
        stamp[a] = epoch;
        queue[tail++] = a;
        while (head < tail) {
            int x = queue[head++];
            for (int i = start[x], end = start[x + 1]; i < end; i++) {
                int y = adj[i];
                if (y == b)
                    return true;
                if (stamp[y] != epoch) {
                    stamp[y] = epoch;
                    queue[tail++] = y;
                }
            }
        }
        return false;
    }

    /** BFS from node; returns the queue length (node itself first, every node once). */
    private int bfs(int node, boolean forward, Scratch s) {
        int[] start = forward ? outStart : inStart, adj = forward ? outAdj : inAdj, stamp = s.stamp, queue = s.queue;
        int epoch = s.epoch, head = 0, tail = 0;
        stamp[node] = epoch;
        queue[tail++] = node;
        while (head < tail) {
            int x = queue[head++];
            for (int i = start[x], end = start[x + 1]; i < end; i++) {
                int y = adj[i];
                if (stamp[y] != epoch) {
                    stamp[y] = epoch;
                    queue[tail++] = y;
                }
            }
        }
        return tail;
    }

    /** Number of (a, b) pairs with a depending on b: the size of the materialized closure. */
    public long countAllPairs() {
        long p = pairs;
        if (p < 0) {
            p = computeAllPairs();
            pairs = p;
        }
        return p;
    }

    /** {@link #countAllPairs()} computed afresh (one walk from every node, on every core), for benchmarks. */
    public long computeAllPairs() {
        return nodes().mapToLong(a -> bfs(a, true, scratch()) - 1 + (selfLoop[a] ? 1 : 0)).sum();
    }

    /** Every node id, on every core when the graph is big enough for that to pay. */
    private IntStream nodes() {
        IntStream s = IntStream.range(0, iris.length);
        return outAdj.length >= PARALLEL_FROM_EDGES ? s.parallel() : s;
    }

    static final int PARALLEL_FROM_EDGES = 50_000;

    /** The forward adjacency (CSR): offsets per node, then targets. Read-only views for benchmarks. */
    public int[] outOffsets() { return outStart; }
    public int[] outTargets() { return outAdj; }

    /**
     * The number of pairs if it is at most {@code limit}, else some number above the limit
     * (the count stops as soon as it is passed).
     */
    public long countPairsUpTo(long limit) {
        if (pairs >= 0)
            return pairs;
        AtomicLong sum = new AtomicLong();
        IntStream.range(0, iris.length).parallel().forEach(a -> {
            if (sum.get() <= limit)
                sum.addAndGet(reachCount(a, true));
        });
        long p = sum.get();
        if (p <= limit)
            pairs = p;
        return p;
    }

    // ------------------------------------------------------------------ file and datasets (DependencyIndexFile)

    /** Write to {@code file} and force it to disk. */
    public void write(Path file) {
        DependencyIndexFile.write(this, file);
    }

    public static DependencyIndex read(Path file) {
        return DependencyIndexFile.read(file);
    }

    /** Attach an index to a dataset (in memory loads). */
    public static void attach(DatasetGraph dsg, DependencyIndex index) {
        dsg.getContext().set(CONTEXT_KEY, CompletableFuture.completedFuture(index));
    }

    /** See {@link DependencyIndexFile#attachFile}. */
    public static void attachFile(DatasetGraph dsg, Path versionDir) {
        DependencyIndexFile.attachFile(dsg, versionDir);
    }

    /** See {@link DependencyIndexFile#of}. */
    public static DependencyIndex of(Context cxt) {
        return DependencyIndexFile.of(cxt);
    }
}
