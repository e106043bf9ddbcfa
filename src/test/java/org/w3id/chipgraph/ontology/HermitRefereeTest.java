package org.w3id.chipgraph.ontology;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLObjectProperty;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.PackagingFixture;
import org.w3id.chipgraph.TestGraph;

/**
 * HermiT as referee of the materializer. Given the ontology and the ASSERTED facts only, every
 * cg:dependsOn pair and every named class assertion HermiT entails for our entities must be in
 * the materialized graph (asserted + inferred), and every one the materializer wrote must be
 * entailed by HermiT. Reports how many it compared.
 */
class HermitRefereeTest {
    static final String DEPENDS_ON = Chipgraph.NS + "dependsOn";

    @Test
    void materializedDependenciesAndTypesAreExactlyWhatHermitEntails() throws Exception {
        referee(TestGraph.dataset(), 200);
    }

    /** The curated data and a made-up chip packaged by TSMC: the packaging chain agrees with HermiT too. */
    @Test
    void packagingSupplierChainIsExactlyWhatHermitEntails() throws Exception {
        DatasetGraph dsg = PackagingFixture.dataset();
        Set<String> reliers = new TreeSet<>();
        Node relies = NodeFactory.createURI(Chipgraph.NS + "reliesOnPackagingSupplier");
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, relies, Node.ANY)
                .forEachRemaining(q -> reliers.add(q.getSubject().getURI() + " " + q.getObject().getURI())));
        assertEquals(Set.of(Chipgraph.ID + "test-packaging-designer " + Chipgraph.ID + "tsmc"), reliers,
                "designerOf o packagedBy entails reliesOnPackagingSupplier");
        referee(dsg, 200);
    }

    static void referee(DatasetGraph dsg, int minPairs) throws Exception {
        Graph asserted = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            if (!Chipgraph.isOutsideOwlChecks(q.getGraph()) && !q.getGraph().equals(Chipgraph.GRAPH_INFERRED))
                asserted.add(q.asTriple());
        }));
        Graph materialized = OwlChecks.ontologyAndFacts(dsg);

        OWLOntology ont = OwlChecks.toOwlApi(asserted);
        Configuration conf = new Configuration();
        conf.ignoreUnsupportedDatatypes = true;
        OWLReasoner hermit = new ReasonerFactory().createReasoner(ont, conf);
        try {
            assertTrue(hermit.isConsistent());
            OWLObjectProperty dependsOn = ont.getOWLOntologyManager().getOWLDataFactory().getOWLObjectProperty(IRI.create(DEPENDS_ON));
            Set<String> entailedPairs = new TreeSet<>(), entailedTypes = new TreeSet<>();
            for (OWLNamedIndividual ind : ont.getIndividualsInSignature()) {
                String a = ind.getIRI().toString();
                if (!a.startsWith(Chipgraph.ID))
                    continue;
                // owl:sameAs makes HermiT see each Wikidata IRI as the same individual: compare our IRIs only.
                hermit.getObjectPropertyValues(ind, dependsOn).entities()
                        .filter(b -> b.getIRI().toString().startsWith(Chipgraph.ID))
                        .forEach(b -> entailedPairs.add(a + " " + b.getIRI()));
                hermit.getTypes(ind, false).entities().filter(c -> !c.isOWLThing())
                        .forEach((OWLClass c) -> entailedTypes.add(a + " " + c.getIRI()));
            }
            Set<String> materializedPairs = new TreeSet<>(), materializedTypes = new TreeSet<>();
            Node dep = NodeFactory.createURI(DEPENDS_ON);
            materialized.find(Node.ANY, dep, Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Chipgraph.ID) && t.getObject().isURI()
                        && t.getObject().getURI().startsWith(Chipgraph.ID))
                    materializedPairs.add(t.getSubject().getURI() + " " + t.getObject().getURI());
            });
            materialized.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Chipgraph.ID) && t.getObject().isURI()
                        && !t.getObject().getURI().startsWith("http://www.w3.org/2002/07/owl#"))
                    materializedTypes.add(t.getSubject().getURI() + " " + t.getObject().getURI());
            });
            System.out.printf("HermiT referee: compared %d cg:dependsOn pairs and %d class assertions%n",
                    entailedPairs.size(), entailedTypes.size());
            assertEquals(diff(entailedPairs, materializedPairs), List.of(), "entailed by HermiT, missing from the materialized graph");
            assertEquals(diff(materializedPairs, entailedPairs), List.of(), "materialized, not entailed by HermiT");
            assertEquals(diff(entailedTypes, materializedTypes), List.of(), "class assertions entailed by HermiT, not materialized");
            assertEquals(diff(materializedTypes, entailedTypes), List.of(), "class assertions materialized, not entailed by HermiT");
            assertTrue(entailedPairs.size() >= minPairs, "the referee needs at least " + minPairs + " cg:dependsOn pairs to compare, has " + entailedPairs.size());
        } finally {
            hermit.dispose();
        }
    }

    static List<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d.stream().sorted().limit(25).toList();
    }
}
