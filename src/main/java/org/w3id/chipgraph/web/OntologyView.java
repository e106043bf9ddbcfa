package org.w3id.chipgraph.web;

import java.util.List;

/** What ontology.jte shows: the ontology's header and one table per kind of term. Plain data, no markup. */
public record OntologyView(String title, String iri, String version, String namespace, String description, List<Section> sections) {

    public record Section(String id, String heading, boolean classes, List<Term> terms) {}

    /** One class or property: labels, definition, unit, and its place in the hierarchy. */
    public record Term(String local, String label, String ko, String zh, String definition, String unit,
                       List<Ref> superclasses, List<Ref> domain, List<Ref> range, List<Note> notes) {}

    /**
     * A term named in a row: ours ({@code local} set, linked to its row), another vocabulary's (its
     * prefixed name or IRI as {@code text}), or a union of others ({@code union}).
     */
    public record Ref(String local, String text, List<Ref> union) {}

    /** A property's characteristic: "transitive", or "inverse of" with the terms. {@code separator} joins the terms. */
    public record Note(String text, List<Ref> terms, String separator) {}
}
