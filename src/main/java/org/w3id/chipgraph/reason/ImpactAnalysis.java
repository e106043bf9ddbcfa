package org.w3id.chipgraph.reason;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What breaks if some entities disappear. Each kind of direct edge (property) is one need;
 * the targets of a node's edges of that kind are alternatives. A node loses every path to
 * something it needs when, for some need, every alternative is gone (removed, or itself
 * failed); it loses only some when a dependency of it is gone but each of its needs keeps an
 * alternative. Needs marked cg:partialDependency (e.g. a foundry's equipment suppliers, which
 * are needed per process, not for everything) never fail their node by themselves.
 * Needs marked cg:jointDependency (the equipment a process uses, a system's components) are
 * one need per target: losing any of them fails the node.
 * A product whose own supply is not recorded is no surviving alternative: the answer is
 * about every path the graph knows ("Nvidia's chips have no other foundry in the graph").
 */
public final class ImpactAnalysis {
    /** An entity that loses every path to something it needs: which need, and what was lost. */
    public record Failure(int node, String need, List<Integer> lost) {}
    /** An entity that keeps every need but loses some dependencies. */
    public record Partial(int node, List<Integer> lostDependencies) {}
    public record Result(Set<Integer> removed, List<Failure> failed, List<Partial> partial) {}

    private final DependencyGraph g;

    public ImpactAnalysis(DependencyGraph g) {
        this.g = g;
    }

    public Result remove(Collection<Integer> removedNodes) {
        int n = g.size();
        boolean[] gone = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        for (int r : removedNodes) {
            gone[r] = true;
            work.add(r);
        }
        Map<Integer, Failure> failures = new LinkedHashMap<>();
        while (!work.isEmpty()) {
            int lostNode = work.poll();
            for (int e : g.in(lostNode)) {
                int x = g.edge(e).from();
                if (gone[x])
                    continue;
                String need = g.edge(e).property();
                if (g.isPartial(need))
                    continue;
                List<Integer> alternatives = g.isJoint(need) ? List.of(lostNode) : targets(x, need);
                if (alternatives.stream().allMatch(t -> gone[t] || g.isProductWithUnknownSupply(t))) {
                    gone[x] = true;
                    failures.put(x, new Failure(x, need, alternatives));
                    work.add(x);
                }
            }
        }
        // Everyone upstream of something gone lost at least one path; those not failed lost only some.
        List<Partial> partial = new ArrayList<>();
        boolean[] touched = new boolean[n];
        for (int x = 0; x < n; x++) {
            if (!gone[x])
                continue;
            boolean[] up = g.reachableFrom(x, false);
            for (int y = 0; y < n; y++)
                if (up[y]) touched[y] = true;
        }
        for (int x = 0; x < n; x++) {
            if (!touched[x] || gone[x])
                continue;
            // What it lost: its direct dependencies that are gone, else the removed entities it reached.
            List<Integer> lost = new ArrayList<>();
            for (int e : g.out(x))
                if (gone[g.edge(e).to()] && !lost.contains(g.edge(e).to()))
                    lost.add(g.edge(e).to());
            if (lost.isEmpty()) {
                boolean[] down = g.reachableFrom(x, true);
                for (int r : removedNodes)
                    if (down[r]) lost.add(r);
            }
            partial.add(new Partial(x, lost));
        }
        return new Result(new TreeSet<>(removedNodes), new ArrayList<>(failures.values()), partial);
    }

    private List<Integer> targets(int node, String property) {
        List<Integer> t = new ArrayList<>();
        for (int e : g.out(node))
            if (g.edge(e).property().equals(property))
                t.add(g.edge(e).to());
        return t;
    }
}
