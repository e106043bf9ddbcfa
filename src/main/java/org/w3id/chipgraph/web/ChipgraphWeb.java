package org.w3id.chipgraph.web;

import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/**
 * Every chipgraph route, as one Fuseki module (Fuseki's extension point: the builder calls
 * {@link #prepare} before it builds the server). Each route answers from the store version
 * {@link CurrentStore} holds when the request comes.
 * <pre>
 *   /                       home page (mapped as "", the context root exactly: Fuseki keeps its 404 servlet at "/")
 *   /id/X                   entity pages (HTML) and descriptions (Turtle, JSON-LD...) by content negotiation
 *   /ontology, /ontology.ttl the ontology's reference page, or its RDF by content negotiation
 *   /search?q=              search results page
 *   /queries, /queries/N    the catalogue's questions and their answers as pages
 *   /chips                  the chip explorer: specs and classification on a date, sorted, filtered, as CSV
 *   /timeline               every measure on one time axis by issuer, with the links between them
 *   /api/search?q=          label search, JSON or CSV
 *   /api/queries[/N]        the catalogue; one query run with its parameters bound, SPARQL JSON or CSV
 *   /api/neighbourhood      the dependency neighbourhood of an entity, for the picture
 *   /api/dependencies, /api/dependents   what an entity reaches along dependencies, either way
 *   /api/explain, /api/impact, /api/chokepoints   the dependency reports
 *   /ui/                    the Fuseki UI (query editor) files
 *   /assets/                CSS, scripts, Cytoscape.js
 *   /favicon.ico            the icon (SVG), asked for by browsers on every page
 * </pre>
 * Servlet mappings "/x/*" also answer "/x" itself (with no path info).
 */
public final class ChipgraphWeb implements FusekiModule {
    private final CurrentStore store;
    private final CatalogQueryRunner queries;

    /**
     * @param project the directory whose {@code queries/} is the catalogue
     * @param maxRows the row cap of the catalogue's queries, as for /chipgraph/sparql
     */
    public ChipgraphWeb(CurrentStore store, Path project, long maxRows) {
        this.store = store;
        this.queries = new CatalogQueryRunner(project, maxRows);
    }

    @Override
    public String name() {
        return "chipgraph-web";
    }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        b.addServlet("", page(new HomeRoute(queries)))
         .addServlet("/id/*", page(new EntityRoute()))
         .addServlet("/ontology", page(new OntologyRoute()))
         .addServlet("/ontology.ttl", page(new OntologyRoute()))
         .addServlet("/search", page(new SearchPageRoute()))
         .addServlet("/chips", page(new ChipsRoute(new ChipExplorer(queries))))
         .addServlet("/timeline", page(new TimelineRoute(new TimelineData(queries))))
         .addServlet("/queries/*", page(new QueryPageRoute(queries)))
         .addServlet("/api/search", api(new SearchApiRoute()))
         .addServlet("/api/queries/*", api(new QueryApiRoute(queries)))
         .addServlet("/api/neighbourhood", api(new NeighbourhoodRoute()))
         .addServlet("/api/dependencies", api(new DependencyReachRoute(DependencyReachRoute.Direction.DEPENDENCIES)))
         .addServlet("/api/dependents", api(new DependencyReachRoute(DependencyReachRoute.Direction.DEPENDENTS)))
         .addServlet("/api/explain", api(new DependencyReportRoute(DependencyReportRoute.Report.EXPLAIN)))
         .addServlet("/api/impact", api(new DependencyReportRoute(DependencyReportRoute.Report.IMPACT)))
         .addServlet("/api/chokepoints", api(new DependencyReportRoute(DependencyReportRoute.Report.CHOKEPOINTS)))
         .addServlet("/ui/*", new ClasspathFiles("/webapp", "index.html"))
         .addServlet("/assets/*", new ClasspathFiles("/web/assets", null))
         .addServlet("/favicon.ico", new FaviconServlet());
        // The Fuseki UI page without its write tabs, and a notice that the data is read-only.
        b.addFilter("/ui/*", new UiReadOnlyNotice());
    }

    private RouteServlet page(Route route) {
        return RouteServlet.page(store, route);
    }

    private RouteServlet api(Route route) {
        return RouteServlet.api(store, route);
    }
}
