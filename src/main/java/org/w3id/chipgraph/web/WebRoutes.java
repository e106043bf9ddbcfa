package org.w3id.chipgraph.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.chipgraph.serve.ServerOptions;

/**
 * The pages and APIs people meet, added to the Fuseki server:
 * <pre>
 *   /                       home page (mapped as "", the context root exactly: Fuseki keeps its 404 servlet at "/")
 *   /id/X                   entity pages (HTML) and descriptions (Turtle, JSON-LD...) by content negotiation
 *   /search?q=              search results page
 *   /queries, /queries/N    the catalogue's questions and their answers as pages
 *   /api/search?q=          label search, JSON or CSV
 *   /api/queries[/N]        the catalogue; one query run with its parameters bound, SPARQL JSON or CSV
 *   /api/neighbourhood      the dependency neighbourhood of an entity, for the picture
 *   /ui/                    the Fuseki UI (query editor); its calls are redirected to /$/ and /chipgraph/
 *   /assets/                CSS, scripts, Cytoscape.js
 *   /favicon.ico            the icon (SVG), asked for by browsers on every page
 * </pre>
 */
public final class WebRoutes {
    private WebRoutes() {}

    /** Must be called before the read-only filter is added, so the UI's redirects come first (they change nothing). */
    public static void addUiFilter(FusekiServer.Builder b) {
        b.addFilter("/ui/*", new UiPathFilter());
        b.addFilter("/ui/*", new UiReadOnlyNotice());
    }

    /** Servlet mappings "/x/*" also answer "/x" itself (with no path info). */
    public static void install(FusekiServer.Builder b, ServerOptions options) {
        b.addServlet("", new HomeServlet(options.project()))
         .addServlet("/id/*", new EntityServlet())
         .addServlet("/search", new SearchPageServlet())
         .addServlet("/queries/*", new QueryPageServlet(options.project()))
         .addServlet("/api/search", new SearchApiServlet())
         .addServlet("/api/queries/*", new QueryApiServlet(options.project()))
         .addServlet("/api/neighbourhood", new NeighbourhoodServlet())
         .addServlet("/ui/*", new ClasspathFiles("/webapp", "index.html"))
         .addServlet("/assets/*", new ClasspathFiles("/web/assets", null))
         .addServlet("/favicon.ico", new FaviconServlet());
    }
}
