package org.w3id.chipgraph.reason;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.Chipgraph;

/**
 * Chokepoints, two ways. (1) Inputs with a single provider holding 100 % of the market (from
 * market-share data such as ETO's), with everyone who depends on the input. (2) A ranking of
 * entities by how many others would lose every path to something they need without them:
 * the impact analysis run once per entity, which respects alternatives (a chip made by two
 * foundries does not fail with one of them), unlike a plain count of descendants.
 */
public final class Chokepoints {
    public record SoleProvider(String input, String inputLabel, String provider, String providerLabel,
                               BigDecimal sharePercent, String source, List<Integer> dependents) {}
    public record Ranked(int node, int failed, int partial) {}

    static final String SOLE = Chipgraph.PREFIXES + """
            SELECT ?input ?inputLabel ?provider ?providerLabel ?share ?source WHERE {
              GRAPH ?g { ?ms a cg:MarketShare ; cg:market ?input ; cg:provider ?provider ; cg:sharePercent ?share }
              FILTER(?share >= 100)
              OPTIONAL { ?g prov:wasDerivedFrom ?src . ?src dct:title ?source }
              OPTIONAL { ?input rdfs:label ?inputLabel FILTER(lang(?inputLabel) = "en") }
              OPTIONAL { ?provider rdfs:label ?providerLabel FILTER(lang(?providerLabel) = "en") }
            } ORDER BY ?inputLabel ?providerLabel""";

    private final DependencyGraph g;

    public Chokepoints(DependencyGraph g) {
        this.g = g;
    }

    public List<SoleProvider> soleProviders(Function<Query, RowSetRewindable> select) {
        Map<String, SoleProvider> out = new LinkedHashMap<>();
        RowSetRewindable rows = select.apply(QueryFactory.create(SOLE));
        while (rows.hasNext()) {
            Binding b = rows.next();
            String input = b.get(Var.alloc("input")).getURI();
            String provider = b.get(Var.alloc("provider")).getURI();
            Integer id = g.idOf(input);
            List<Integer> dependents = new ArrayList<>();
            if (id != null) {
                boolean[] up = g.reachableFrom(id, false);
                for (int x = 0; x < up.length; x++)
                    if (up[x] && x != id) dependents.add(x);
            }
            dependents.sort(Comparator.comparing(g::label));
            out.putIfAbsent(input + " " + provider, new SoleProvider(input, text(b, "inputLabel", input), provider,
                    text(b, "providerLabel", provider), new BigDecimal(b.get(Var.alloc("share")).getLiteralLexicalForm()),
                    text(b, "source", ""), dependents));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Every entity that something depends on, by how many would fail without it, then how many
     * lose some. One removal per entity, each walking only what it affects, on every core; a
     * caller that serves it keeps the result per store version ({@link DependencyReports}).
     */
    public List<Ranked> ranking() {
        return ranking(null);
    }

    /**
     * {@link #ranking()}, taking from {@code index} (the loader's, over the same direct edges, with
     * every node's reach counted) how many depend on each entity at all: everyone upstream of a
     * removed entity loses some path, so those who lose only some are that count less those who
     * fail, and only the failure propagation is left to walk. At a million edges this is the
     * difference between walking 565 million dependency pairs and the failures alone.
     */
    public List<Ranked> ranking(DependencyIndex index) {
        ImpactAnalysis impact = new ImpactAnalysis(g);
        boolean counted = index != null && index.hasCounts();
        List<Ranked> ranked = new ArrayList<>(IntStream.range(0, g.size()).parallel()
                .filter(x -> g.inDegree(x) > 0)
                .mapToObj(x -> {
                    Integer i = counted ? index.idOf(g.iri(x)) : null;
                    if (i == null) {
                        int[] c = impact.counts(x);
                        return new Ranked(x, c[0], c[1]);
                    }
                    int failed = impact.failedCount(x);
                    // Upstream of x but x itself (counted only through a self-loop) and the failed.
                    return new Ranked(x, failed, index.reachCount(i, false) - (index.hasSelfLoop(i) ? 1 : 0) - failed);
                }).toList());
        ranked.sort(ORDER.apply(g));
        return ranked;
    }

    /** Most failures first, then most partly affected, then by label. */
    public static final Function<DependencyGraph, Comparator<Ranked>> ORDER = g ->
            Comparator.comparingInt(Ranked::failed).reversed()
                    .thenComparing(Comparator.comparingInt(Ranked::partial).reversed())
                    .thenComparing(r -> g.label(r.node()));

    private static String text(Binding b, String var, String dflt) {
        var n = b.get(Var.alloc(var));
        return n == null ? dflt : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }
}
