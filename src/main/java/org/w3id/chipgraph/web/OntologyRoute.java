package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.Chipgraph;

/**
 * The ontology at {@code /ontology}: an HTML reference for browsers, RDF for RDF clients, chosen
 * by the Accept header (or {@code ?format=html|ttl|rdf|jsonld}); {@code /ontology.ttl} is always
 * Turtle. Read from the served store, so it follows reloads.
 */
record OntologyRoute() implements Route {
    static final AcceptList OFFERED = AcceptList.create("text/turtle", "text/html", "application/rdf+xml",
            "application/ld+json", "application/n-triples");

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        String type = chooseType(req);
        resp.setHeader("Vary", "Accept");
        if (type == null) {
            Responses.text(resp, HttpServletResponse.SC_NOT_ACCEPTABLE, "Offered: " + OFFERED);
            return;
        }
        Graph ontology = ontologyGraph(store.dataset());
        if (type.equals("text/html")) {
            Responses.page(resp, 200, "ontology", Map.of("v", new OntologyPage(ontology).view()));
            return;
        }
        resp.setContentType(type + ";charset=utf-8");
        try (OutputStream out = resp.getOutputStream()) {
            switch (type) {
                case "application/rdf+xml" -> RDFDataMgr.write(out, ontology, RDFFormat.RDFXML_PRETTY);
                case "application/ld+json" -> RDFDataMgr.write(out, ontology, RDFFormat.JSONLD);
                case "application/n-triples" -> RDFDataMgr.write(out, ontology, Lang.NTRIPLES);
                default -> RDFDataMgr.write(out, ontology, RDFFormat.TURTLE_PRETTY);
            }
        }
    }

    static String chooseType(HttpServletRequest req) {
        if (req.getRequestURI().endsWith(".ttl"))
            return "text/turtle";
        String format = req.getParameter("format");
        if (format != null) {
            return switch (format) {
                case "html" -> "text/html";
                case "ttl", "turtle" -> "text/turtle";
                case "rdf", "xml", "rdfxml" -> "application/rdf+xml";
                case "jsonld", "json" -> "application/ld+json";
                case "nt" -> "application/n-triples";
                default -> null;
            };
        }
        return Responses.choose(req, OFFERED, "text/turtle");
    }

    private static Graph ontologyGraph(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            dsg.getGraph(Chipgraph.GRAPH_ONTOLOGY).find().forEachRemaining(copy::add);
            copy.getPrefixMapping().setNsPrefixes(standardPrefixes());
            return copy;
        });
    }

    static Map<String, String> standardPrefixes() {
        return Map.of("cg", Chipgraph.NS, "owl", "http://www.w3.org/2002/07/owl#",
                "rdfs", "http://www.w3.org/2000/01/rdf-schema#", "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                "xsd", "http://www.w3.org/2001/XMLSchema#", "skos", "http://www.w3.org/2004/02/skos/core#",
                "prov", "http://www.w3.org/ns/prov#", "dct", "http://purl.org/dc/terms/",
                "org", "http://www.w3.org/ns/org#", "schema", "https://schema.org/");
    }
}
