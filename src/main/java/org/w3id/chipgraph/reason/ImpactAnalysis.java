package org.w3id.chipgraph.reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 *
 * <p>Every walk touches only what the removal reaches upstream (the failure propagation, then
 * one breadth-first walk from everything gone together, and one per removed entity only when
 * an affected node has no gone direct dependency), never an array per node the size of the
 * graph, so a removal costs in proportion to what it affects. Dominator trees over the AND/OR
 * graph were considered and left: with joint needs (AND) a node can fail without any single
 * dominator, and the answer also lists who loses only some paths, which is plain upstream
 * reachability; the propagation here is exact and costs no precomputation per store version.
 * {@code bench.PerRemovalImpact} keeps the former computation as the baseline.
 */
public final class ImpactAnalysis {
    /** An entity that loses every path to something it needs: which need, and what was lost. */
    public record Failure(int node, String need, List<Integer> lost) {}
    /** An entity that keeps every need but loses some dependencies. */
    public record Partial(int node, List<Integer> lostDependencies) {}
    /** {@code partialTotal}: how many lose only some, of whom {@code partial} lists the first (all, unless limited). */
    public record Result(Set<Integer> removed, List<Failure> failed, List<Partial> partial, int partialTotal) {
        public Result(Set<Integer> removed, List<Failure> failed, List<Partial> partial) {
            this(removed, failed, partial, partial.size());
        }
    }

    private final DependencyGraph g;

    public ImpactAnalysis(DependencyGraph g) {
        this.g = g;
    }

    public Result remove(Collection<Integer> removedNodes) {
        return remove(removedNodes, Deadline.NONE);
    }

    public Result remove(Collection<Integer> removedNodes, Deadline deadline) {
        return remove(removedNodes, deadline, Integer.MAX_VALUE);
    }

    /**
     * {@link #remove(Collection, Deadline)} listing what each partly affected entity lost only for
     * the first {@code partialLimit} of them (the rest are counted): a hub at a million edges
     * leaves over 150,000 partly affected, and their lists were most of the walk.
     */
    public Result remove(Collection<Integer> removedNodes, Deadline deadline, int partialLimit) {
        BitSet gone = new BitSet();
        Map<Integer, Failure> failures = new LinkedHashMap<>();
        int[] goneList = propagate(removedNodes, gone, failures, deadline);
        // Everyone upstream of something gone lost at least one path; those not failed lost only some.
        BitSet touched = upstream(goneList, goneList.length, deadline);
        Map<Integer, BitSet> upOfRemoved = new HashMap<>();
        List<Partial> partial = new ArrayList<>();
        int partialTotal = 0;
        for (int x = touched.nextSetBit(0); x >= 0; x = touched.nextSetBit(x + 1)) {
            if (gone.get(x) || partialTotal++ >= partialLimit)
                continue;
            deadline.check();
            // What it lost: its direct dependencies that are gone, else the removed entities it reaches.
            List<Integer> lost = new ArrayList<>();
            for (int i = g.outBegin(x), end = g.outEnd(x); i < end; i++) {
                int t = g.edge(g.outEdgeAt(i)).to();
                if (gone.get(t) && !lost.contains(t))
                    lost.add(t);
            }
            if (lost.isEmpty())
                for (int r : removedNodes)
                    if (upOfRemoved.computeIfAbsent(r, k -> upstream(new int[] {k}, 1, deadline)).get(x))
                        lost.add(r);
            partial.add(new Partial(x, lost));
        }
        return new Result(new TreeSet<>(removedNodes), new ArrayList<>(failures.values()), partial, partialTotal);
    }

    /** How many would fail and how many lose only some without {@code node}: {@link #remove} without the lists. */
    public int[] counts(int node) {
        BitSet[] sets = affectedSets(node, Deadline.NONE);
        return new int[] {sets[0].cardinality(), sets[1].cardinality()};
    }

    /**
     * Who fails and who loses only some without {@code node}, as node sets: {@link #remove} without
     * the per-entity lists of what was lost (what the SPARQL functions answer).
     */
    public BitSet[] affectedSets(int node, Deadline deadline) {
        BitSet gone = new BitSet();
        Map<Integer, Failure> failures = new LinkedHashMap<>();
        int[] goneList = propagate(List.of(node), gone, failures, deadline);
        BitSet failed = new BitSet();
        failures.keySet().forEach(failed::set);
        BitSet partial = upstream(goneList, goneList.length, deadline);
        partial.andNot(gone);
        return new BitSet[] {failed, partial};
    }

    /** How many would fail without {@code node}: the failure propagation alone, which touches only what fails. */
    public int failedCount(int node) {
        Map<Integer, Failure> failures = new LinkedHashMap<>();
        propagate(List.of(node), new BitSet(), failures, Deadline.NONE);
        return failures.size();
    }

    /**
     * The failure propagation: marks everything gone (removed or failed) in {@code gone}, records
     * each failure in order, and returns the gone nodes in the order they went.
     */
    private int[] propagate(Collection<Integer> removedNodes, BitSet gone, Map<Integer, Failure> failures, Deadline deadline) {
        int[] work = new int[Math.max(16, removedNodes.size())];
        int head = 0, tail = 0;
        for (int r : removedNodes) {
            gone.set(r);
            work = push(work, tail++, r);
        }
        BitSet unknown = g.productsWithUnknownSupply();
        Map<Need, Alternatives> needs = new HashMap<>();
        while (head < tail) {
            int lostNode = work[head++];
            for (int i = g.inBegin(lostNode), end = g.inEnd(lostNode); i < end; i++) {
                deadline.check();
                DependencyGraph.Edge e = g.edge(g.inEdgeAt(i));
                int x = e.from();
                if (gone.get(x))
                    continue;
                String need = e.property();
                if (g.isPartial(need))
                    continue;
                boolean lostAll;
                List<Integer> alternatives;
                if (g.isJoint(need)) {
                    alternatives = List.of(lostNode);
                    lostAll = gone.get(lostNode) || unknown.get(lostNode);
                } else {
                    Alternatives a = needs.computeIfAbsent(new Need(x, need), k -> new Alternatives(targets(x, need)));
                    alternatives = a.targets;
                    lostAll = a.allGone(gone, unknown);
                }
                if (lostAll) {
                    gone.set(x);
                    failures.put(x, new Failure(x, need, alternatives));
                    work = push(work, tail++, x);
                }
            }
        }
        // A removed entity named twice went twice: keep each once, in order.
        return new LinkedHashSet<>(Arrays.stream(work, 0, tail).boxed().toList()).stream().mapToInt(Integer::intValue).toArray();
    }

    private record Need(int node, String property) {}

    /**
     * The targets of one need and how far they are known to be lost: nothing comes back within
     * one removal, so the scan resumes where it stopped, and a node with many alternatives costs
     * one pass over them, not one per lost alternative.
     */
    private static final class Alternatives {
        final List<Integer> targets;
        int firstAlive;

        Alternatives(List<Integer> targets) {
            this.targets = targets;
        }

        boolean allGone(BitSet gone, BitSet unknown) {
            while (firstAlive < targets.size() && (gone.get(targets.get(firstAlive)) || unknown.get(targets.get(firstAlive))))
                firstAlive++;
            return firstAlive == targets.size();
        }
    }

    /** Every node with a path of one edge or more to one of {@code starts}: one walk for all of them. */
    BitSet upstream(int[] starts, int count, Deadline deadline) {
        BitSet reached = new BitSet(), expanded = new BitSet();
        int[] queue = Arrays.copyOf(starts, Math.max(16, count));
        int head = 0, tail = count;
        for (int i = 0; i < count; i++)
            expanded.set(starts[i]);
        while (head < tail) {
            int y = queue[head++];
            for (int i = g.inBegin(y), end = g.inEnd(y); i < end; i++) {
                deadline.check();
                int x = g.edge(g.inEdgeAt(i)).from();
                reached.set(x);
                if (!expanded.get(x)) {
                    expanded.set(x);
                    queue = push(queue, tail++, x);
                }
            }
        }
        return reached;
    }

    private static int[] push(int[] a, int at, int v) {
        if (at == a.length)
            a = Arrays.copyOf(a, a.length * 2);
        a[at] = v;
        return a;
    }

    private List<Integer> targets(int node, String property) {
        List<Integer> t = new ArrayList<>();
        for (int i = g.outBegin(node), end = g.outEnd(node); i < end; i++) {
            DependencyGraph.Edge e = g.edge(g.outEdgeAt(i));
            if (e.property().equals(property))
                t.add(e.to());
        }
        return t;
    }
}
