package org.w3id.chipgraph.reason;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3id.chipgraph.Chipgraph;

/**
 * The direct dependency edges by role, from the statements of the fact graphs: an edge is a
 * statement by a sub-property of cg:dependsOn stated as such, stated by its inverse (Nvidia
 * designerOf H200 gives H200 designedBy Nvidia), or entailed by a two-step property chain
 * (Nvidia designerOf H100, H100 fabricatedBy TSMC gives Nvidia reliesOnFoundry TSMC). Each
 * derived edge carries the sources of the statements it comes from, so an explanation shows
 * a source under every edge. The same inverse and chain axioms the rules of ontology/rules/
 * apply (40-inverse, 50-property-chain), kept to the statements they read.
 *
 * <p>As of a date, statements from an item to its supplier (or to a process node of the
 * supplier) that a cg:SupplyRelation dates outside that day are left out before anything is
 * derived from them.
 */
final class EdgeDerivation {
    /** One statement s p o (IRIs). */
    record Statement(String s, String p, String o) {}

    /** A dated supply of an item by a supplier; null ends are open. */
    record Supply(String item, String supplier, LocalDate start, LocalDate end) {
        boolean holdsOn(LocalDate day) {
            return (start == null || !start.isAfter(day)) && (end == null || !end.isBefore(day));
        }
    }

    private final Set<String> dependencyProperties;
    private final Map<String, Set<String>> inverses = new HashMap<>();
    /** Property to itself and its super-properties (as far as the schema says). */
    private final Map<String, Set<String>> superOrSelf = new HashMap<>();
    /** chain p = first o second, indexed by each leg: [other leg, p, "1" when indexed by the first leg]. */
    private final Map<String, List<String[]>> chainsByLeg = new HashMap<>();
    private final Set<String> blocked = new HashSet<>();

    private final Map<Statement, Set<DependencyGraph.Source>> known = new LinkedHashMap<>();
    private final Map<String, List<Statement>> out = new HashMap<>(), in = new HashMap<>();
    private final Deque<Statement> work = new ArrayDeque<>();
    private final List<Map.Entry<Statement, DependencyGraph.Source>> pending = new ArrayList<>();
    private static final DependencyGraph.Source NO_SOURCE = new DependencyGraph.Source("", "", "");
    static final String PROCESS_OF = Chipgraph.NS + "processOf";

    EdgeDerivation(Set<String> dependencyProperties, Map<String, Set<String>> subPropertyOf,
                   List<String[]> inversePairs, List<String[]> chains) {
        this.dependencyProperties = dependencyProperties;
        for (String[] pq : inversePairs) {
            inverses.computeIfAbsent(pq[0], k -> new LinkedHashSet<>()).add(pq[1]);
            inverses.computeIfAbsent(pq[1], k -> new LinkedHashSet<>()).add(pq[0]);
        }
        for (String p : subPropertyOf.keySet())
            superOrSelf.put(p, closure(p, subPropertyOf));
        for (String[] c : chains) { // {p, first, second}
            chainsByLeg.computeIfAbsent(c[1], k -> new ArrayList<>()).add(new String[] {c[2], c[0], "1"});
            chainsByLeg.computeIfAbsent(c[2], k -> new ArrayList<>()).add(new String[] {c[1], c[0], "2"});
        }
    }

    private static Set<String> closure(String p, Map<String, Set<String>> sub) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(p));
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (seen.add(x))
                todo.addAll(sub.getOrDefault(x, Set.of()));
        }
        return seen;
    }

    /** Each dependency property (cg:dependsOn included) with itself and its super-properties. */
    Map<String, Set<String>> dependencyClosure() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String dependsOn = Chipgraph.NS + "dependsOn";
        out.put(dependsOn, Set.of(dependsOn));
        for (String p : dependencyProperties)
            out.put(p, Set.copyOf(superOrSelf.getOrDefault(p, Set.of(p))));
        return out;
    }

    /** Leave out, as of {@code day}, the statements from an item to a supplier whose supply is dated outside it. */
    void asOf(LocalDate day, List<Supply> supplies) {
        if (day == null)
            return;
        for (Supply s : supplies)
            if (!s.holdsOn(day))
                blocked.add(s.item() + " " + s.supplier());
    }

    /** A statement of a fact graph, with the source of that graph (null when it has none). */
    void add(Statement st, DependencyGraph.Source source) {
        pending.add(Map.entry(st, source == null ? NO_SOURCE : source));
    }

    private void insert(Statement st, DependencyGraph.Source source) {
        if (blocked.contains(st.s() + " " + st.o()))
            return;
        Set<DependencyGraph.Source> sources = known.get(st);
        if (sources == null) {
            sources = new LinkedHashSet<>();
            known.put(st, sources);
            out.computeIfAbsent(st.s(), k -> new ArrayList<>()).add(st);
            in.computeIfAbsent(st.o(), k -> new ArrayList<>()).add(st);
            work.add(st);
        }
        if (source != null && source != NO_SOURCE)
            sources.add(source);
    }

    private void derive(Statement st, Set<DependencyGraph.Source> from) {
        boolean fresh = !known.containsKey(st);
        insert(st, null);
        Set<DependencyGraph.Source> sources = known.get(st);
        if (sources != null && (fresh || !sources.containsAll(from)))
            sources.addAll(from);
    }

    /** Apply the inverse and chain axioms to the statements added, to a fixpoint. */
    void run() {
        // A dated supply also covers the item's edges to the supplier's process nodes (a chip
        // fabricated on TSMC N7+ is not fabricated there once TSMC stopped supplying it).
        Set<String> supplierBlocks = new HashSet<>(blocked);
        for (Map.Entry<Statement, DependencyGraph.Source> e : pending) {
            Statement st = e.getKey();
            if (st.p().equals(PROCESS_OF))
                for (String b : supplierBlocks)
                    if (b.endsWith(" " + st.o()))
                        blocked.add(b.substring(0, b.length() - st.o().length()) + st.s());
        }
        pending.forEach(e -> insert(e.getKey(), e.getValue()));
        pending.clear();
        Statement st;
        while ((st = work.poll()) != null) {
            Set<DependencyGraph.Source> src = known.get(st);
            for (String q : inverses.getOrDefault(st.p(), Set.of()))
                derive(new Statement(st.o(), q, st.s()), src);
            for (String leg : superOrSelf.getOrDefault(st.p(), Set.of(st.p())))
                for (String[] c : chainsByLeg.getOrDefault(leg, List.of()))
                    join(st, src, c);
        }
    }

    private void join(Statement st, Set<DependencyGraph.Source> src, String[] chain) {
        boolean first = chain[2].equals("1");
        List<Statement> next = first ? out.getOrDefault(st.o(), List.of()) : in.getOrDefault(st.s(), List.of());
        for (Statement u : List.copyOf(next)) {
            if (!superOrSelf.getOrDefault(u.p(), Set.of(u.p())).contains(chain[0]))
                continue;
            Set<DependencyGraph.Source> both = new LinkedHashSet<>(src);
            both.addAll(known.get(u));
            derive(first ? new Statement(st.s(), chain[1], u.o()) : new Statement(u.s(), chain[1], st.o()), both);
        }
    }

    /** The direct dependency edges: statements by a sub-property of cg:dependsOn, with their sources. */
    Map<Statement, Set<DependencyGraph.Source>> edges() {
        Map<Statement, Set<DependencyGraph.Source>> edges = new LinkedHashMap<>();
        known.forEach((st, src) -> {
            if (dependencyProperties.contains(st.p()) && !st.s().equals(st.o()))
                edges.put(st, src);
        });
        return edges;
    }
}
