package org.w3id.chipgraph.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.query.CatalogQuery;

/** The addresses our pages link to. Plain strings: the templates escape them where they are written. */
public final class Links {
    private Links() {}

    /** A URL query or path component. */
    public static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The page of an entity of ours (/id/...), or null for IRIs outside our namespace. */
    public static String entityHref(String iri) {
        if (iri == null || !iri.startsWith(Chipgraph.ID))
            return null;
        String local = iri.substring(Chipgraph.ID.length());
        StringBuilder b = new StringBuilder("/id/");
        for (String seg : local.split("/", -1)) {
            if (b.length() > 4) b.append('/');
            b.append(url(seg));
        }
        return b.toString();
    }

    /** Where a link to an IRI goes: its page when it is ours, the IRI itself otherwise. */
    public static String href(String iri) {
        String h = entityHref(iri);
        return h == null ? iri : h;
    }

    /** The Fuseki UI's query editor with this query text in it. */
    public static String editor(String queryText) {
        return "/ui/#/dataset/chipgraph/query?query=" + url(queryText);
    }

    static String editor(CatalogQuery q) {
        return editor(q.text());
    }

    /** Why {@code from} depends on {@code to}: the explanation API. */
    public static String explain(String from, String to) {
        return "/api/explain?from=" + url(from) + "&to=" + url(to);
    }
}
