package org.w3id.chipgraph.web;

import java.util.List;

/**
 * What entity.jte shows for one entity: built by {@link EntityPage} and {@link EntityRelations}
 * inside a read transaction, as plain data (no markup). Public, with public parts, because the
 * compiled templates live in jte's own package.
 */
public record EntityView(String iri, Cell title, List<Names> names, List<Cell> types, String editorHref, List<Cell> elsewhere,
                         List<Cell> comments, Dependencies dependencies, List<FactGroup> facts, List<PolicyRow> policies,
                         List<Claim> claims, List<Incoming> incoming, List<GraphRow> graphs) {

    /** Names under a heading ("Korean", "Also called"). */
    public record Names(String title, List<Cell> values) {}

    /** Both directions of the dependency section; null when the entity has no dependencies either way. */
    public record Dependencies(DepList dependsOn, DepList dependedOnBy) {}

    public record DepList(String title, String id, List<DepRow> direct, List<DepRow> indirect) {}

    /** One other entity: by which edge kind ({@code via}, null for a chain), asserted with sources or inferred with a "why" link. */
    public record DepRow(Cell other, String via, boolean inferred, String explainHref, List<Cell> sources) {}

    public record FactGroup(String title, List<PropertyFacts> properties) {}

    public record PropertyFacts(Value property, List<FactRow> rows) {}

    public record FactRow(Value value, List<Origin> origins) {}

    /** Where a fact comes from: "inferred", a named graph without a source document, or a source document. */
    public record Origin(boolean inferred, String graph, Cell source) {}

    /**
     * A value of a fact. {@code kind}: "link" (our entity or an IRI), "external" (a URL), "text" (a literal,
     * with its language and unit), "date", "code" (a triple term), "titled" (a property outside our ontology,
     * its IRI as title).
     */
    public record Value(String kind, String text, String lang, String href, String unit) {}

    public record PolicyRow(Cell policy, String relation, Cell via, String announced, String from, String until) {}

    public record Claim(Cell claim, boolean uncertain, List<MetaPart> meta, List<Cell> quotes) {}

    /** One part of a claim's byline: "said by X", "on DATE", "in SOURCE". */
    public record MetaPart(String prefix, Cell who, String date, Cell source) {}

    public record Incoming(String property, List<Cell> subjects) {}

    public record GraphRow(String href, String iri, long triples) {}
}
