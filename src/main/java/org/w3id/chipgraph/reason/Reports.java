package org.w3id.chipgraph.reason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The answers of {@link DependencyReports} as data. How they are printed (JSON and CSV over HTTP,
 * text on the terminal) is up to the interface that prints them.
 */
public final class Reports {
    private Reports() {}

    /** An entity by IRI and English label (the IRI when it has none). */
    public record Entity(String iri, String label) {}

    /** One direct edge of a chain, with the sources of the statements it rests on. */
    public record Step(Entity from, String property, String propertyLabel, Entity to, List<DependencyGraph.Source> sources) {}

    /** Why {@code from} depends on {@code to}: the shortest chains of direct edges; none when it does not. */
    public record Explanation(Entity from, Entity to, List<List<Step>> chains) {
        public boolean dependsOn() { return !chains.isEmpty(); }
    }

    /** An entity that loses something: what it needs ({@code need}, the edge kind; null when it keeps every need) and what it loses. */
    public record Affected(Entity entity, String need, List<String> lost) {}

    /**
     * What removing entities breaks: those losing every path to something they need, those losing
     * only some paths; as of a date ({@code asOf}, or null), with the entities absent on that date.
     * Each list holds at most the limit asked for (nearest first for failures); the totals count all.
     */
    public record Impact(List<Entity> removed, LocalDate asOf, List<Entity> absent, List<Affected> losesEveryPath,
                         List<Affected> losesSomePaths, int losesEveryPathTotal, int losesSomePathsTotal) {}

    /** An input with a single provider holding the whole market, and who depends on it (labels). */
    public record SoleProvider(Entity input, Entity provider, BigDecimal sharePercent, String source, List<String> dependents) {}

    /** How many entities would lose every path ({@code wouldFail}) or some paths without this one. */
    public record Ranked(Entity entity, int wouldFail, int wouldLoseSome) {}

    public record ChokepointReport(List<SoleProvider> soleProviders, List<Ranked> ranking) {}
}
