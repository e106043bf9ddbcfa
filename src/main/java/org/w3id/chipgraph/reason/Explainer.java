package org.w3id.chipgraph.reason;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Why does A depend on B? The shortest chains of direct edges (by role) from A to B, each edge with
 * its property and the sources it rests on. Breadth-first over the int adjacency, then every
 * shortest chain is read back from B (at most {@link #MAX_CHAINS}).
 */
public final class Explainer {
    public static final int MAX_CHAINS = 20;

    public record Chain(List<DependencyGraph.Edge> edges) {}

    private final DependencyGraph g;

    public Explainer(DependencyGraph g) {
        this.g = g;
    }

    /** The shortest chains from {@code from} to {@code to}; empty when B is not a dependency of A. */
    public List<Chain> explain(int from, int to) {
        int[] dist = new int[g.size()];
        Arrays.fill(dist, -1);
        dist[from] = 0;
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty() && dist[to] < 0) {
            int x = queue.poll();
            for (int e : g.out(x)) {
                int y = g.edge(e).to();
                if (dist[y] < 0) {
                    dist[y] = dist[x] + 1;
                    queue.add(y);
                }
            }
        }
        List<Chain> chains = new ArrayList<>();
        if (dist[to] <= 0)
            return chains;
        collect(to, from, dist, new ArrayDeque<>(), chains);
        return chains;
    }

    /** Walk back from {@code node} along edges that come one step closer to the start. */
    private void collect(int node, int start, int[] dist, Deque<DependencyGraph.Edge> suffix, List<Chain> out) {
        if (out.size() >= MAX_CHAINS)
            return;
        if (node == start) {
            out.add(new Chain(List.copyOf(suffix)));
            return;
        }
        for (int e : g.in(node)) {
            DependencyGraph.Edge edge = g.edge(e);
            if (dist[edge.from()] == dist[node] - 1) {
                suffix.addFirst(edge);
                collect(edge.from(), start, dist, suffix, out);
                suffix.removeFirst();
            }
        }
    }
}
