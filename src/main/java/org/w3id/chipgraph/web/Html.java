package org.w3id.chipgraph.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.w3id.chipgraph.Chipgraph;

/**
 * HTML output: escaping (everything from the graph is text, never markup) and the frame every
 * page shares: the search box with suggestions, links to the questions, the query editor and
 * the ontology.
 */
final class Html {
    private Html() {}

    /** Escape text for element content and double-quoted attribute values. */
    static String esc(String s) {
        if (s == null)
            return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The page of an entity of ours (/id/...), or null for IRIs outside our namespace. */
    static String entityHref(String iri) {
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

    /** A link to an entity's page (or to the IRI itself when it is not ours), showing its label. */
    static String link(String iri, String label) {
        String href = entityHref(iri);
        if (href == null)
            href = iri;
        return "<a href=\"" + esc(href) + "\">" + esc(label) + "</a>";
    }

    /** Text in a language, marked so that screen readers and fonts pick the right one. */
    static String lang(String text, String lang) {
        if (lang == null || lang.isEmpty())
            return esc(text);
        return "<span lang=\"" + esc(lang) + "\">" + esc(text) + "</span>";
    }

    static String page(String title, String head, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · chipgraph</title>
                <link rel="stylesheet" href="/assets/chipgraph.css">
                <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
                %s
                </head><body>
                <a class="skip" href="#main">Skip to content</a>
                <header class="top">
                <a class="brand" href="/">chipgraph</a>
                <form class="search" role="search" action="/search" method="get" autocomplete="off">
                <label for="q" class="visually-hidden">Search entities by name, in any language</label>
                <input id="q" name="q" type="search" role="combobox" aria-autocomplete="list" aria-expanded="false"
                 aria-controls="q-suggestions" placeholder="Search: Nvidia, 엔비디아, 英伟达, H200, BIS…" spellcheck="false">
                <ul id="q-suggestions" class="suggestions" role="listbox" aria-label="Suggestions" hidden></ul>
                <button type="submit">Search</button>
                </form>
                <nav aria-label="Site"><a href="/queries">Questions</a><a href="/ui/">Query editor</a><a href="/ontology">Ontology</a></nav>
                </header>
                <main id="main">
                %s
                </main>
                <footer><p>chipgraph: a knowledge graph of AI chips and geopolitics. Every fact carries its source.
                SPARQL at <code>/chipgraph/sparql</code> · <a href="/ui/">query editor</a> · <a href="/ontology">ontology</a> ·
                <a href="/api/queries">/api/queries</a> · <a href="/api/search?q=nvidia">/api/search</a></p></footer>
                <script src="/assets/search.js" defer></script>
                </body></html>
                """.formatted(esc(title), head == null ? "" : head, body);
    }
}
