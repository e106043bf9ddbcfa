package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.chipgraph.Chipgraph;

/**
 * The human-readable reference of the ontology, generated from the ontology graph itself:
 * every class and property with its labels (en, ko, zh), definition, hierarchy, domain,
 * range and characteristics. One HTML page, one anchor per term (#LocalName).
 */
final class OntologyPage {
    private static final String DCT = "http://purl.org/dc/terms/";
    private final Model m;

    OntologyPage(Graph ontology) {
        this.m = ModelFactory.createModelForGraph(ontology);
    }

    OntologyView view() {
        Resource ont = m.createResource(Chipgraph.ONTOLOGY_IRI);
        Statement version = ont.getProperty(OWL2.versionIRI);
        List<OntologyView.Section> sections = List.of(
                section("classes", "Classes", OWL2.Class, true),
                section("object-properties", "Object properties", OWL2.ObjectProperty, false),
                section("datatype-properties", "Datatype properties", OWL2.DatatypeProperty, false),
                section("annotation-properties", "Annotation properties", OWL2.AnnotationProperty, false));
        return new OntologyView(literal(ont, m.createProperty(DCT + "title"), "en", "chipgraph ontology"), Chipgraph.ONTOLOGY_IRI,
                version == null ? null : version.getObject().toString(), Chipgraph.NS,
                literal(ont, m.createProperty(DCT + "description"), "en", ""), sections);
    }

    private OntologyView.Section section(String id, String heading, Resource type, boolean isClass) {
        List<OntologyView.Term> terms = m.listSubjectsWithProperty(RDF.type, type).toList().stream()
                .filter(r -> r.isURIResource() && r.getURI().startsWith(Chipgraph.NS))
                .sorted(Comparator.comparing(Resource::getLocalName))
                .map(this::term)
                .toList();
        return new OntologyView.Section(id, heading, isClass, terms);
    }

    private OntologyView.Term term(Resource t) {
        Statement unit = t.getProperty(m.createProperty(Chipgraph.NS + "unit"));
        return new OntologyView.Term(t.getLocalName(), literal(t, RDFS.label, "en", ""), literal(t, RDFS.label, "ko", ""),
                literal(t, RDFS.label, "zh", ""), literal(t, SKOS.definition, "en", ""), unit == null ? null : unit.getString(),
                refs(t, RDFS.subClassOf), refs(t, RDFS.domain), refs(t, RDFS.range), notes(t));
    }

    private List<OntologyView.Note> notes(Resource t) {
        List<OntologyView.Note> notes = new ArrayList<>();
        List<OntologyView.Ref> sup = refs(t, RDFS.subPropertyOf);
        if (!sup.isEmpty()) notes.add(new OntologyView.Note("sub-property of", sup, ", "));
        List<OntologyView.Ref> inv = refs(t, OWL2.inverseOf);
        if (!inv.isEmpty()) notes.add(new OntologyView.Note("inverse of", inv, ", "));
        if (t.hasProperty(RDF.type, OWL2.TransitiveProperty)) notes.add(new OntologyView.Note("transitive", List.of(), ""));
        if (t.hasProperty(RDF.type, OWL2.SymmetricProperty)) notes.add(new OntologyView.Note("symmetric", List.of(), ""));
        if (t.hasProperty(RDF.type, OWL2.FunctionalProperty)) notes.add(new OntologyView.Note("functional", List.of(), ""));
        Statement chain = t.getProperty(OWL2.propertyChainAxiom);
        if (chain != null && chain.getObject().canAs(RDFList.class))
            notes.add(new OntologyView.Note("chain:", chain.getObject().as(RDFList.class).asJavaList().stream().map(this::ref).toList(), " ∘ "));
        return notes;
    }

    private List<OntologyView.Ref> refs(Resource t, Property p) {
        return t.listProperties(p).toList().stream().map(s -> ref(s.getObject()))
                .sorted(Comparator.comparing(OntologyView.Ref::text)).toList();
    }

    /** A term as ours (linked), as a prefixed name or IRI otherwise; unions spelled out. */
    private OntologyView.Ref ref(RDFNode n) {
        if (n.isURIResource()) {
            String iri = n.asResource().getURI();
            if (iri.startsWith(Chipgraph.NS))
                return new OntologyView.Ref(iri.substring(Chipgraph.NS.length()), "cg:" + iri.substring(Chipgraph.NS.length()), null);
            return new OntologyView.Ref(null, m.shortForm(iri), null);
        }
        if (n.isAnon()) {
            Statement union = n.asResource().getProperty(OWL2.unionOf);
            if (union != null && union.getObject().canAs(RDFList.class)) {
                List<OntologyView.Ref> members = union.getObject().as(RDFList.class).asJavaList().stream().map(this::ref).toList();
                return new OntologyView.Ref(null, String.join(" or ", members.stream().map(OntologyView.Ref::text).toList()), members);
            }
        }
        return new OntologyView.Ref(null, n.toString(), null);
    }

    private static String literal(Resource r, Property p, String lang, String dflt) {
        for (Statement s : r.listProperties(p).toList()) {
            if (s.getObject().isLiteral() && lang.equals(s.getLanguage()))
                return s.getString();
        }
        return dflt;
    }
}
