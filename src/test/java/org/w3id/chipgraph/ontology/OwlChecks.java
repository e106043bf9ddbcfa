package org.w3id.chipgraph.ontology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.w3id.chipgraph.Chipgraph;

/** What the OWL checks see (DESIGN.md): the ontology plus the asserted and inferred fact graphs, without claims. */
final class OwlChecks {
    private OwlChecks() {}

    static Graph ontologyAndFacts(DatasetGraph dsg) {
        Graph g = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            if (!Chipgraph.isClaimsGraph(q.getGraph()))
                g.add(q.asTriple());
        }));
        return g;
    }

    static OWLOntology toOwlApi(Graph g) throws OWLOntologyCreationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, Lang.TURTLE);
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        return m.loadOntologyFromOntologyDocument(new ByteArrayInputStream(out.toByteArray()));
    }
}
