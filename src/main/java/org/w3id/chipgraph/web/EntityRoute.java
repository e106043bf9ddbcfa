package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.Chipgraph;

/**
 * {@code /id/X} answers for the entity {@code https://w3id.org/chipgraph/id/X}: its page for
 * browsers, its description in Turtle, JSON-LD, RDF/XML, N-Triples (or TriG / N-Quads, keeping
 * each fact's named graph) for RDF clients, by the Accept header or {@code ?format=}.
 * Without an Accept header the answer is Turtle, as for {@code /ontology}.
 */
record EntityRoute() implements Route {
    static final AcceptList OFFERED = AcceptList.create("text/turtle", "text/html", "application/ld+json",
            "application/rdf+xml", "application/n-triples", "application/trig", "application/n-quads", "application/xhtml+xml");

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        String local = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        String type = chooseType(req);
        resp.setHeader("Vary", "Accept");
        if (type == null) {
            Responses.text(resp, HttpServletResponse.SC_NOT_ACCEPTABLE, "Not acceptable. Offered: text/html, text/turtle, "
                    + "application/ld+json, application/rdf+xml, application/n-triples, application/trig, application/n-quads "
                    + "(or ?format=html|ttl|jsonld|rdf|nt|trig|nq)");
            return;
        }
        Node e = NodeFactory.createURI(Chipgraph.ID + local);
        DatasetGraph dsg = store.dataset();
        boolean html = type.equals("text/html");
        if (local.isEmpty() || !Txn.calculateRead(dsg, () -> EntityRdf.exists(dsg, e))) {
            String msg = "No entity <" + e.getURI() + "> in the graph.";
            if (html)
                Responses.errorPage(resp, 404, msg + " Try the search box above.");
            else
                Responses.text(resp, 404, msg);
            return;
        }
        if (html) {
            DependencyEdges deps = store.edges();
            EntityView view = Txn.calculateRead(dsg, () -> new EntityPage(new Describer(dsg), e, deps).view());
            Responses.page(resp, 200, "entity", Map.of("v", view));
            return;
        }
        rdf(resp, type, dsg, e);
    }

    private static void rdf(HttpServletResponse resp, String type, DatasetGraph dsg, Node e) throws IOException {
        resp.setContentType(type + ";charset=utf-8");
        try (OutputStream out = resp.getOutputStream()) {
            Txn.executeRead(dsg, () -> {
                switch (type) {
                    case "application/trig" -> RDFDataMgr.write(out, EntityRdf.dataset(dsg, e), RDFFormat.TRIG_BLOCKS);
                    case "application/n-quads" -> RDFDataMgr.write(out, EntityRdf.dataset(dsg, e), Lang.NQUADS);
                    case "application/ld+json" -> RDFDataMgr.write(out, EntityRdf.graph(dsg, e), RDFFormat.JSONLD);
                    case "application/rdf+xml" -> RDFDataMgr.write(out, EntityRdf.graph(dsg, e), RDFFormat.RDFXML_PRETTY);
                    case "application/n-triples" -> RDFDataMgr.write(out, EntityRdf.graph(dsg, e), Lang.NTRIPLES);
                    default -> RDFDataMgr.write(out, EntityRdf.graph(dsg, e), RDFFormat.TURTLE_PRETTY);
                }
            });
        }
    }

    static String chooseType(HttpServletRequest req) {
        String format = req.getParameter("format");
        if (format != null) {
            return switch (format) {
                case "html" -> "text/html";
                case "ttl", "turtle" -> "text/turtle";
                case "jsonld", "json" -> "application/ld+json";
                case "rdf", "xml", "rdfxml" -> "application/rdf+xml";
                case "nt" -> "application/n-triples";
                case "trig" -> "application/trig";
                case "nq" -> "application/n-quads";
                default -> null;
            };
        }
        String t = Responses.choose(req, OFFERED, "text/turtle");
        return "application/xhtml+xml".equals(t) ? "text/html" : t;
    }
}
