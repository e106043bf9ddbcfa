package org.w3id.chipgraph.ontology;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLLiteral;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.profiles.violations.UseOfDefinedDatatypeInLiteral;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;

/** The ontology parses in the OWL API, stays in OWL 2 DL with the facts, and HermiT finds it all consistent. */
class OntologyTest {

    @Test
    void ontologyParsesWithItsIriAndVersionIri() throws Exception {
        OWLOntology ont = OWLManager.createOWLOntologyManager()
                .loadOntologyFromOntologyDocument(new File(TestGraph.PROJECT.resolve("ontology/chipgraph.ttl").toString()));
        assertEquals(IRI.create(Chipgraph.ONTOLOGY_IRI), ont.getOntologyID().getOntologyIRI().orElseThrow());
        assertTrue(ont.getOntologyID().getVersionIRI().isPresent(), "the ontology has a version IRI");
        assertTrue(ont.getClassesInSignature().size() >= 40, "classes: " + ont.getClassesInSignature().size());
    }

    @Test
    void ontologyWithAssertedAndInferredFactsIsInOwl2DL() throws Exception {
        Graph g = OwlChecks.ontologyAndFacts(TestGraph.dataset());
        OWLOntology ont = OwlChecks.toOwlApi(g);
        assertTrue(ont.getAxiomCount() > 1000, "the OWL API read only " + ont.getAxiomCount() + " axioms");
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ont);
        // OWL 2's datatype map has no xsd:date, which every policy date uses (SPARQL compares
        // them natively); the ontology declares it as a datatype, and each date literal is then
        // reported as a use of a defined datatype. That one case is accepted; nothing else is.
        List<OWLProfileViolation> real = report.getViolations().stream()
                .filter(v -> !(v instanceof UseOfDefinedDatatypeInLiteral u && u.getExpression() instanceof OWLLiteral lit
                        && lit.getDatatype().getIRI().toString().equals("http://www.w3.org/2001/XMLSchema#date")))
                .toList();
        List<String> shown = real.stream().map(OWLProfileViolation::toString).limit(30).toList();
        assertTrue(real.isEmpty(), real.size() + " OWL 2 DL violations, first ones:\n" + String.join("\n", shown));
    }

    @Test
    void hermitFindsOntologyAndFactsConsistent() throws Exception {
        OWLOntology ont = OwlChecks.toOwlApi(OwlChecks.ontologyAndFacts(TestGraph.dataset()));
        assertTrue(ont.getAxiomCount() > 1000, "the OWL API read only " + ont.getAxiomCount() + " axioms");
        Configuration conf = new Configuration();
        // xsd:date is not in the OWL 2 datatype map; HermiT would otherwise refuse every date.
        conf.ignoreUnsupportedDatatypes = true;
        OWLReasoner hermit = new ReasonerFactory().createReasoner(ont, conf);
        try {
            assertTrue(hermit.isConsistent(), "HermiT finds the ontology and facts inconsistent");
        } finally {
            hermit.dispose();
        }
    }
}
