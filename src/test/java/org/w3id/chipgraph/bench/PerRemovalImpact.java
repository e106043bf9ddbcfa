package org.w3id.chipgraph.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.ImpactAnalysis.Failure;
import org.w3id.chipgraph.reason.ImpactAnalysis.Partial;
import org.w3id.chipgraph.reason.ImpactAnalysis.Result;

/**
 * The what-if analysis as it was before issue 17, kept as the benchmark's baseline and as the
 * reference the tests compare {@link org.w3id.chipgraph.reason.ImpactAnalysis} with: the same
 * failure propagation, then a walk over the whole graph (an array the size of the graph) for
 * every failed or affected node. Do not use it to answer questions.
 */
public final class PerRemovalImpact {

    private final DependencyGraph g;

    public PerRemovalImpact(DependencyGraph g) {
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
