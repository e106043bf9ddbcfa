package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.List;

import org.w3id.chipgraph.query.CatalogQuery;

/**
 * A catalogue question as the pages list it: its answer page, the query editor with its text,
 * and the competency question it answers (null when none). Public because the compiled templates
 * live in jte's own package.
 */
public record QuestionLink(String name, String summary, String cq, String answerHref, String editorHref) {

    static QuestionLink of(CatalogQuery q) {
        return new QuestionLink(q.name(), q.summary(), q.cq().orElse(null),
                "/queries/" + Links.url(q.name()), Links.editor(q));
    }

    /** The catalogue's queries as links; with {@code onlyCq}, only those that answer a competency question. */
    static List<QuestionLink> of(List<CatalogQuery> queries, boolean onlyCq) {
        List<QuestionLink> links = new ArrayList<>();
        for (CatalogQuery q : queries)
            if (!onlyCq || q.cq().isPresent())
                links.add(of(q));
        return links;
    }
}
