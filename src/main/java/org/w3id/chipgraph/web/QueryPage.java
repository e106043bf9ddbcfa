package org.w3id.chipgraph.web;

import java.util.List;

/** What query.jte shows: one catalogue question, its parameter form, and its answer (or why there is none). */
public record QueryPage(String name, String summary, String cq, List<String> tags, String editorHref, String apiHref,
                        List<Field> params, List<String> vars, List<List<Cell>> rows,
                        List<String> emptyColumns, long count, String error, String queryText) {

    /** A parameter's input: the value given (or "") and the default as placeholder. */
    public record Field(String var, String type, String value, String placeholder) {}
}
