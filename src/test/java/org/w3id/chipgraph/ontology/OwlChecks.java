package org.w3id.chipgraph.ontology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.io.StreamDocumentSource;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.w3id.chipgraph.Chipgraph;

/** What the OWL checks see: the ontology plus the asserted and inferred fact graphs, without claims. */
final class OwlChecks {
    private OwlChecks() {}

    static Graph ontologyAndFacts(DatasetGraph dsg) {
        Graph g = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            if (!Chipgraph.isOutsideOwlChecks(q.getGraph()))
                g.add(q.asTriple());
        }));
        return g;
    }

    static OWLOntology toOwlApi(Graph g) throws OWLOntologyCreationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // RDF/XML, named as such: the OWL API 5 Turtle parser does not read the SPARQL-style
        // PREFIX lines Jena 6 writes and would silently fall back to a parser that drops most
        // axioms; its N-Triples parser lives in the RDF4J-based module left out of the build.
        // Plain (flat) RDF/XML: the pretty writer nests descriptions along chains of references,
        // past the JDK parser's element depth limit (100) on a long dependency chain.
        RDFDataMgr.write(out, g, RDFFormat.RDFXML_PLAIN);
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        return m.loadOntologyFromOntologyDocument(new StreamDocumentSource(new ByteArrayInputStream(out.toByteArray()),
                "urn:chipgraph:owl-check", new RDFXMLDocumentFormat(), "application/rdf+xml"));
    }
}
