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
        b.addServlet("", new HomeServlet(store, queries))
         .addServlet("/id/*", new EntityServlet(store))
         .addServlet("/ontology", new OntologyServlet(store))
         .addServlet("/ontology.ttl", new OntologyServlet(store))
         .addServlet("/search", new SearchPageServlet(store))
         .addServlet("/chips", new ChipsServlet(store, queries))
         .addServlet("/timeline", new TimelineServlet(store, queries))
         .addServlet("/queries/*", new QueryPageServlet(store, queries))
         .addServlet("/api/search", new SearchApiServlet(store))
         .addServlet("/api/queries/*", new QueryApiServlet(store, queries))
         .addServlet("/api/neighbourhood", new NeighbourhoodServlet(store))
         .addServlet("/api/dependencies", new DependencyReachServlet(store, DependencyReachServlet.Direction.DEPENDENCIES))
         .addServlet("/api/dependents", new DependencyReachServlet(store, DependencyReachServlet.Direction.DEPENDENTS))
         .addServlet("/api/explain", new DependencyReportServlet(store, DependencyReportServlet.Report.EXPLAIN))
         .addServlet("/api/impact", new DependencyReportServlet(store, DependencyReportServlet.Report.IMPACT))
         .addServlet("/api/chokepoints", new DependencyReportServlet(store, DependencyReportServlet.Report.CHOKEPOINTS))
         .addServlet("/ui/*", new ClasspathFiles("/webapp", "index.html"))
         .addServlet("/assets/*", new ClasspathFiles("/web/assets", null))
         .addServlet("/favicon.ico", new FaviconServlet());
        // The Fuseki UI page without its write tabs, and a notice that the data is read-only.
        b.addFilter("/ui/*", new UiReadOnlyNotice());
    }
}
