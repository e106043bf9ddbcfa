package org.w3id.chipgraph.web;

import org.apache.jena.graph.Node;

/**
 * One value as a page shows it: its text (and the text's language), and where it links to
 * (null for none; {@code external} for an IRI outside ours). Pages render it with cell.jte.
 */
public record Cell(String text, String lang, String href, boolean external) {

    /** A term of an answer: our entities linked to their page by label, other IRIs to themselves, literals with their language. */
    static Cell of(Node n, Describer d) {
        if (n == null)
            return new Cell("", "", null, false);
        if (n.isURI()) {
            String href = Links.entityHref(n.getURI());
            return href == null ? new Cell(n.getURI(), "", n.getURI(), true) : new Cell(d.label(n), "", href, false);
        }
        if (n.isLiteral())
            return new Cell(n.getLiteralLexicalForm(), n.getLiteralLanguage(), null, false);
        return new Cell(n.toString(), "", null, false);
    }

    /** A link to an IRI: its page when ours, showing {@code label}. */
    static Cell link(String iri, String label) {
        return new Cell(label, "", Links.href(iri), false);
    }

    static Cell text(String text, String lang) {
        return new Cell(text, lang == null ? "" : lang, null, false);
    }
}
