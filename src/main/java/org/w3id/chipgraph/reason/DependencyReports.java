package org.w3id.chipgraph.reason;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.query.EntityResolver;

/**
 * The dependency questions as reports, shared by the command line and the HTTP API:
 * explain (chains with sources), impact (what breaks without X, optionally as of a date)
 * and chokepoints. Entity arguments are resolved by EntityResolver (an IRI, a local name or an exact label).
 */
public final class DependencyReports {
    private final Function<Query, RowSetRewindable> select;
    private final DependencyGraph graph;
    private final EntityResolver resolver;

    /** Reads the dependency graph through {@code select} (a store or an endpoint). */
    public DependencyReports(Function<Query, RowSetRewindable> select) {
        this(select, DependencyGraph.load(select));
    }

    /** With the dependency graph already read for this store version (the server's store context). */
    public DependencyReports(Function<Query, RowSetRewindable> select, DependencyGraph graph) {
        this.select = select;
        this.graph = graph;
        this.resolver = new EntityResolver(select);
    }

    // ---------------------------------------------------------------- explain

    public Reports.Explanation explain(String fromArg, String toArg) {
        String from = resolver.resolve(fromArg), to = resolver.resolve(toArg);
        Integer a = graph.idOf(from), b = graph.idOf(to);
        List<Explainer.Chain> chains = (a == null || b == null) ? List.of() : new Explainer(graph).explain(a, b);
        List<List<Reports.Step>> steps = chains.stream().map(c -> c.edges().stream().map(this::step).toList()).toList();
        return new Reports.Explanation(entity(from), entity(to), steps);
    }

    private Reports.Step step(DependencyGraph.Edge e) {
        return new Reports.Step(new Reports.Entity(graph.iri(e.from()), graph.label(e.from())), e.property(),
                graph.propertyLabel(e.property()), new Reports.Entity(graph.iri(e.to()), graph.label(e.to())), e.sources());
    }

    // ---------------------------------------------------------------- impact

    /**
     * @param removeArgs entities, or {@code country:ISO3} for a country and every organization
     *                   headquartered there
     * @param asOf       when given, entities that did not exist yet or had ended on that date
     *                   are left out of the network first (released, announced or effective
     *                   after it; effective until before it), and so are the supply edges a
     *                   cg:SupplyRelation dates outside it
     */
    public Reports.Impact impact(List<String> removeArgs, LocalDate asOf) {
        return impact(removeArgs, asOf, Deadline.NONE, Integer.MAX_VALUE);
    }

    /**
     * {@link #impact(List, LocalDate)} giving up with {@link Deadline.Exceeded} past the deadline,
     * listing at most {@code limit} entities of each kind (a hub affects tens of thousands at
     * scale: the answer's size, not the analysis, was what took seconds); the totals count all.
     */
    public Reports.Impact impact(List<String> removeArgs, LocalDate asOf, Deadline deadline, int limit) {
        Set<String> removed = new LinkedHashSet<>();
        for (String arg : removeArgs)
            removed.addAll(resolveRemoval(arg));
        // As of a date, the supply edges dated outside it are left out of the network too.
        DependencyGraph graph = asOf == null ? this.graph : DependencyGraph.load(select, asOf);
        Set<Integer> absent = asOf == null ? Set.of() : absentOn(graph, asOf);
        List<Integer> ids = new ArrayList<>();
        for (String iri : removed) {
            Integer id = graph.idOf(iri);
            if (id != null)
                ids.add(id);
        }
        // As of a date, entities that did not exist yet are left out first; only what the
        // removal itself breaks beyond that baseline is reported.
        ImpactAnalysis impact = new ImpactAnalysis(graph);
        Set<Integer> baselineFailed = new HashSet<>();
        if (!absent.isEmpty())
            impact.remove(absent, deadline).failed().forEach(f -> baselineFailed.add(f.node()));
        List<Integer> all = new ArrayList<>(ids);
        all.addAll(absent);
        // Without a date nothing below filters the partly affected, so the walk lists the losses of
        // the first `limit` only and counts the rest; with one it lists all, to filter them.
        boolean dated = !absent.isEmpty();
        ImpactAnalysis.Result r = impact.remove(all, deadline, dated ? Integer.MAX_VALUE : limit);
        Set<Integer> causedByRemoval = new HashSet<>(ids);
        List<Reports.Affected> every = new ArrayList<>();
        int everyTotal = 0;
        for (ImpactAnalysis.Failure f : r.failed()) {
            if (absent.contains(f.node()) || baselineFailed.contains(f.node()))
                continue;
            causedByRemoval.add(f.node());
            if (everyTotal++ < limit)
                every.add(new Reports.Affected(entity(graph.iri(f.node())), graph.propertyLabel(f.need()),
                        f.lost().stream().map(graph::label).toList()));
        }
        // Without a date everything gone was caused by the removal: no second walk to tell.
        BitSet reachesCaused = dated ? upstream(graph, causedByRemoval, deadline) : null;
        List<Reports.Affected> some = new ArrayList<>();
        int someTotal = r.partialTotal() - r.partial().size();   // counted by the walk, not listed
        for (ImpactAnalysis.Partial p : r.partial()) {
            if (dated && (absent.contains(p.node()) || baselineFailed.contains(p.node()) || !reachesCaused.get(p.node())))
                continue;
            someTotal++;
            if (some.size() < limit)
                some.add(new Reports.Affected(entity(graph.iri(p.node())), null,
                        p.lostDependencies().stream().filter(l -> !absent.contains(l)).map(graph::label).toList()));
        }
        return new Reports.Impact(removed.stream().map(this::entity).toList(), asOf,
                absent.stream().map(id -> entity(graph.iri(id))).toList(), every, some, everyTotal, someTotal);
    }

    /** Every node with a path of one edge or more to one of {@code targets} (one walk for all). */
    static BitSet upstream(DependencyGraph graph, Set<Integer> targets, Deadline deadline) {
        int[] starts = targets.stream().mapToInt(Integer::intValue).toArray();
        return new ImpactAnalysis(graph).upstream(starts, starts.length, deadline);
    }

    List<String> resolveRemoval(String arg) {
        if (arg.startsWith("country:")) {
            String code = arg.substring("country:".length()).toUpperCase();
            Query q = QueryTransformOps.replaceVars(QueryFactory.create(COUNTRY), Map.of(Var.alloc("code"),
                    NodeFactory.createLiteralString(code)));
            RowSetRewindable rows = select.apply(q);
            Set<String> out = new LinkedHashSet<>();
            while (rows.hasNext()) {
                Binding b = rows.next();
                out.add(b.get(Var.alloc("country")).getURI());
                var org = b.get(Var.alloc("org"));
                if (org != null)
                    out.add(org.getURI());
            }
            if (out.isEmpty())
                throw new IllegalArgumentException("No country with ISO 3166-1 alpha-3 code '" + code + "' (cg:countryCode)");
            return new ArrayList<>(out);
        }
        return List.of(resolver.resolve(arg));
    }

    static final String COUNTRY = Chipgraph.PREFIXES + """
            SELECT ?country ?org WHERE {
              ?country a cg:Country ; cg:countryCode ?code .
              OPTIONAL { ?org cg:headquarteredIn ?country }
            }""";

    static final String DATES = Chipgraph.PREFIXES + """
            SELECT ?x ?start ?end WHERE {
              { ?x cg:releasedOn|cg:announcedOn|cg:effectiveFrom ?start } UNION { ?x cg:effectiveUntil ?end }
            }""";

    Set<Integer> absentOn(DependencyGraph graph, LocalDate day) {
        Set<Integer> absent = new HashSet<>();
        RowSetRewindable rows = select.apply(QueryFactory.create(DATES));
        Map<Integer, LocalDate> earliestStart = new HashMap<>();
        while (rows.hasNext()) {
            Binding b = rows.next();
            Integer id = graph.idOf(b.get(Var.alloc("x")).getURI());
            if (id == null)
                continue;
            var start = b.get(Var.alloc("start"));
            var end = b.get(Var.alloc("end"));
            try {
                if (start != null)
                    earliestStart.merge(id, LocalDate.parse(start.getLiteralLexicalForm()), (x, y) -> x.isBefore(y) ? x : y);
                if (end != null && LocalDate.parse(end.getLiteralLexicalForm()).isBefore(day))
                    absent.add(id);
            } catch (DateTimeParseException e) {
                // A date that is not a full date (SHACL forbids it) says nothing here.
            }
        }
        earliestStart.forEach((id, start) -> { if (start.isAfter(day)) absent.add(id); });
        return absent;
    }

    // ---------------------------------------------------------------- chokepoints

    private volatile List<Chokepoints.Ranked> ranking;

    /** The chokepoint ranking of this store version: the loader's, else computed once, then served from memory. */
    public List<Chokepoints.Ranked> ranking() {
        if (graph.precomputedRanking() != null)
            return graph.precomputedRanking();
        List<Chokepoints.Ranked> r = ranking;
        if (r == null) {
            synchronized (this) {
                if (ranking == null)
                    ranking = List.copyOf(new Chokepoints(graph).ranking());
                r = ranking;
            }
        }
        return r;
    }

    public Reports.ChokepointReport chokepoints(int top) {
        Chokepoints c = new Chokepoints(graph);
        List<Reports.SoleProvider> sole = new ArrayList<>();
        for (Chokepoints.SoleProvider s : c.soleProviders(select))
            sole.add(new Reports.SoleProvider(new Reports.Entity(s.input(), s.inputLabel()), new Reports.Entity(s.provider(), s.providerLabel()),
                    s.sharePercent(), s.source(), s.dependents().stream().map(graph::label).toList()));
        List<Reports.Ranked> ranked = ranking().stream().limit(top)
                .map(r -> new Reports.Ranked(entity(graph.iri(r.node())), r.failed(), r.partial())).toList();
        return new Reports.ChokepointReport(sole, ranked);
    }

    // ----------------------------------------------------------------

    Reports.Entity entity(String iri) {
        Integer id = graph.idOf(iri);
        return new Reports.Entity(iri, id != null ? graph.label(id) : labelOf(iri));
    }

    private String labelOf(String iri) {
        Query q = QueryTransformOps.replaceVars(QueryFactory.create(Chipgraph.PREFIXES
                + "SELECT ?l WHERE { ?e rdfs:label ?l FILTER(lang(?l) = \"en\") } LIMIT 1"),
                Map.of(Var.alloc("e"), NodeFactory.createURI(iri)));
        RowSetRewindable rows = select.apply(q);
        return rows.hasNext() ? rows.next().get(Var.alloc("l")).getLiteralLexicalForm() : iri;
    }
}
