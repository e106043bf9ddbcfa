package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

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

    String html() {
        Resource ont = m.createResource(Chipgraph.ONTOLOGY_IRI);
        StringBuilder sb = new StringBuilder();
        String title = literal(ont, m.createProperty(DCT + "title"), "en", "chipgraph ontology");
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .append("<title>").append(esc(title)).append("</title>")
          .append("<link rel=\"alternate\" type=\"text/turtle\" href=\"/ontology.ttl\">")
          .append("<style>body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.45}")
          .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}")
          .append("code{background:#f4f4f4;padding:0 .2em}.term{font-weight:600}.ko,.zh{color:#555}nav a{margin-right:1em}</style></head><body>\n");
        sb.append("<h1>").append(esc(title)).append("</h1>\n<p><code>").append(esc(Chipgraph.ONTOLOGY_IRI)).append("</code>");
        Statement version = ont.getProperty(OWL2.versionIRI);
        if (version != null)
            sb.append(" &middot; version <code>").append(esc(version.getObject().toString())).append("</code>");
        sb.append(" &middot; prefix <code>cg:</code> = <code>").append(esc(Chipgraph.NS)).append("</code></p>\n");
        String desc = literal(ont, m.createProperty(DCT + "description"), "en", "");
        if (!desc.isEmpty())
            sb.append("<p>").append(esc(desc)).append("</p>\n");
        sb.append("<p>Also as <a href=\"/ontology.ttl\">Turtle</a>; RDF clients asking for <code>text/turtle</code>, ")
          .append("<code>application/rdf+xml</code> or <code>application/ld+json</code> at <code>/ontology</code> get RDF. ")
          .append("<a href=\"/\">Home</a> · <a href=\"/ui/\">Query editor</a>.</p>\n");

        List<Resource> classes = terms(OWL2.Class);
        List<Resource> objectProps = terms(OWL2.ObjectProperty);
        List<Resource> dataProps = terms(OWL2.DatatypeProperty);
        List<Resource> annProps = terms(OWL2.AnnotationProperty);
        sb.append("<nav><a href=\"#classes\">Classes (").append(classes.size()).append(")</a>")
          .append("<a href=\"#object-properties\">Object properties (").append(objectProps.size()).append(")</a>")
          .append("<a href=\"#datatype-properties\">Datatype properties (").append(dataProps.size()).append(")</a>")
          .append("<a href=\"#annotation-properties\">Annotation properties (").append(annProps.size()).append(")</a></nav>\n");

        section(sb, "classes", "Classes", classes, true);
        section(sb, "object-properties", "Object properties", objectProps, false);
        section(sb, "datatype-properties", "Datatype properties", dataProps, false);
        section(sb, "annotation-properties", "Annotation properties", annProps, false);
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private List<Resource> terms(Resource type) {
        return m.listSubjectsWithProperty(RDF.type, type).toList().stream()
                .filter(r -> r.isURIResource() && r.getURI().startsWith(Chipgraph.NS))
                .sorted(Comparator.comparing(Resource::getLocalName))
                .toList();
    }

    private void section(StringBuilder sb, String id, String heading, List<Resource> terms, boolean isClass) {
        sb.append("<h2 id=\"").append(id).append("\">").append(heading).append("</h2>\n<table><thead><tr><th>Term</th><th>Labels</th><th>Definition</th><th>")
          .append(isClass ? "Superclasses" : "Domain → range, characteristics").append("</th></tr></thead><tbody>\n");
        for (Resource t : terms) {
            sb.append("<tr id=\"").append(esc(t.getLocalName())).append("\"><td class=\"term\"><a href=\"#")
              .append(esc(t.getLocalName())).append("\">cg:").append(esc(t.getLocalName())).append("</a></td><td>")
              .append(esc(literal(t, RDFS.label, "en", "")));
            for (String lang : List.of("ko", "zh")) {
                String l = literal(t, RDFS.label, lang, "");
                if (!l.isEmpty())
                    sb.append("<br><span class=\"").append(lang).append("\" lang=\"").append(lang).append("\">").append(esc(l)).append("</span>");
            }
            sb.append("</td><td>").append(esc(literal(t, SKOS.definition, "en", "")));
            Statement unit = t.getProperty(m.createProperty(Chipgraph.NS + "unit"));
            if (unit != null)
                sb.append(" <em>Unit: ").append(esc(unit.getString())).append("</em>");
            sb.append("</td><td>");
            if (isClass) {
                sb.append(list(t, RDFS.subClassOf));
            } else {
                sb.append(list(t, RDFS.domain)).append(" → ").append(list(t, RDFS.range));
                List<String> notes = new ArrayList<>();
                String sup = list(t, RDFS.subPropertyOf);
                if (!sup.isEmpty()) notes.add("sub-property of " + sup);
                String inv = list(t, OWL2.inverseOf);
                if (!inv.isEmpty()) notes.add("inverse of " + inv);
                if (t.hasProperty(RDF.type, OWL2.TransitiveProperty)) notes.add("transitive");
                if (t.hasProperty(RDF.type, OWL2.SymmetricProperty)) notes.add("symmetric");
                if (t.hasProperty(RDF.type, OWL2.FunctionalProperty)) notes.add("functional");
                Statement chain = t.getProperty(OWL2.propertyChainAxiom);
                if (chain != null && chain.getObject().canAs(RDFList.class))
                    notes.add("chain: " + chain.getObject().as(RDFList.class).asJavaList().stream().map(this::name).collect(Collectors.joining(" ∘ ")));
                if (!notes.isEmpty())
                    sb.append("<br>").append(String.join("; ", notes));
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    private String list(Resource t, Property p) {
        return t.listProperties(p).toList().stream().map(s -> name(s.getObject())).sorted().collect(Collectors.joining(", "));
    }

    /** A term as a link when ours, as a prefixed name or IRI otherwise; unions spelled out. */
    private String name(RDFNode n) {
        if (n.isURIResource()) {
            String iri = n.asResource().getURI();
            if (iri.startsWith(Chipgraph.NS)) {
                String local = iri.substring(Chipgraph.NS.length());
                return "<a href=\"#" + esc(local) + "\">cg:" + esc(local) + "</a>";
            }
            String prefixed = m.shortForm(iri);
            return "<code>" + esc(prefixed) + "</code>";
        }
        if (n.isAnon()) {
            Statement union = n.asResource().getProperty(OWL2.unionOf);
            if (union != null && union.getObject().canAs(RDFList.class))
                return union.getObject().as(RDFList.class).asJavaList().stream().map(this::name).collect(Collectors.joining(" or "));
        }
        return esc(n.toString());
    }

    private static String literal(Resource r, Property p, String lang, String dflt) {
        for (Statement s : r.listProperties(p).toList()) {
            if (s.getObject().isLiteral() && lang.equals(s.getLanguage()))
                return s.getString();
        }
        return dflt;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
