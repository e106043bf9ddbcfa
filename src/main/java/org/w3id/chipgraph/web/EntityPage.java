package org.w3id.chipgraph.web;

import static org.w3id.chipgraph.web.Html.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.chipgraph.Chipgraph;

/**
 * The page of one entity: names in English, Korean and Chinese, its facts grouped by kind
 * with the source of each, its dependencies (asserted and inferred, told apart) with the
 * interactive picture, policies affecting it on a timeline, claims about it, and links out.
 * Built inside a read transaction by the caller.
 */
final class EntityPage {
    static final String WIKIDATA = "http://www.wikidata.org/entity/";
    static final Node ETO_ID = NodeFactory.createURI(Chipgraph.NS + "etoId");
    static final Node ETO_SOURCE = NodeFactory.createURI(Chipgraph.SOURCE + "eto-supply-chain");
    static final String XSD_DATE = "http://www.w3.org/2001/XMLSchema#date";

    /** Fact kinds, in page order. */
    enum Kind {
        DATES("Dates"), SPECS("Specifications"), RELATIONS("Relations"), ATTRIBUTES("Other facts"),
        IDENTIFIERS("Identifiers and links"), PROVENANCE("Named in");
        final String title;
        Kind(String title) { this.title = title; }
    }

    /** Shown in the header, not among the facts. */
    static final List<Node> HEADER = List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(), RDFS.comment.asNode(), RDF.type.asNode());

    private final Describer d;
    private final Node e;
    private final DependencyEdges deps;
    private final EntityRelations relations;

    EntityPage(Describer d, Node entity, DependencyEdges deps) {
        this.d = d;
        this.e = entity;
        this.deps = deps;
        this.relations = new EntityRelations(d, entity, deps);
    }

    String html() {
        StringBuilder b = new StringBuilder();
        header(b);
        relations.dependencies(b);
        facts(b);
        relations.policies(b);
        relations.claims(b);
        relations.incoming(b);
        relations.derivedGraphs(b);
        String title = d.label(e);
        String head = "<link rel=\"alternate\" type=\"text/turtle\" href=\"?format=ttl\">\n"
                + "<link rel=\"alternate\" type=\"application/ld+json\" href=\"?format=jsonld\">\n"
                + "<script src=\"/assets/vendor/cytoscape.min.js\" defer></script>\n"
                + "<script src=\"/assets/vendor/klay.js\" defer></script>\n"
                + "<script src=\"/assets/vendor/cytoscape-klay.js\" defer></script>\n"
                + "<script src=\"/assets/graph.js\" defer></script>";
        return Html.page(title, head, b.toString());
    }

    private void header(StringBuilder b) {
        Map<String, List<Node>> names = new LinkedHashMap<>();
        for (Node l : d.objects(Node.ANY, e, RDFS.label.asNode()))
            if (l.isLiteral())
                names.computeIfAbsent(l.getLiteralLanguage(), k -> new ArrayList<>()).add(l);
        b.append("<article class=\"entity\" data-iri=\"").append(esc(e.getURI())).append("\">\n<header class=\"entity-head\">\n");
        b.append("<h1>").append(Html.lang(d.label(e), names.containsKey("en") ? "en" : "")).append("</h1>\n");
        b.append("<dl class=\"names\">");
        for (String[] l : new String[][] {{"ko", "Korean"}, {"zh", "Chinese"}}) {
            List<Node> ls = names.get(l[0]);
            if (ls != null)
                b.append("<dt>").append(l[1]).append("</dt><dd>").append(joinLiterals(ls)).append("</dd>");
        }
        List<Node> alt = d.objects(Node.ANY, e, SKOS.altLabel.asNode());
        if (!alt.isEmpty())
            b.append("<dt>Also called</dt><dd>").append(joinLiterals(alt)).append("</dd>");
        List<String> types = new ArrayList<>();
        d.dataset().find(Node.ANY, e, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            Node t = q.getObject();
            String link = t.isURI() && t.getURI().startsWith(Chipgraph.NS)
                    ? "<a href=\"/ontology#" + esc(Describer.localName(t)) + "\">" + esc(d.label(t)) + "</a>"
                    : esc(d.label(t));
            if (!q.getGraph().equals(Chipgraph.GRAPH_INFERRED) && !types.contains(link))
                types.add(link);
        });
        if (!types.isEmpty())
            b.append("<dt>Type</dt><dd>").append(String.join(", ", types)).append("</dd>");
        b.append("<dt>IRI</dt><dd><code>").append(esc(e.getURI())).append("</code> · <a href=\"?format=ttl\">Turtle</a> · ")
         .append("<a href=\"?format=jsonld\">JSON-LD</a> · <a href=\"").append(esc(editorLink())).append("\">query it</a></dd>");
        links(b);
        b.append("</dl>\n");
        for (Node c : d.objects(Node.ANY, e, RDFS.comment.asNode()))
            if (c.isLiteral())
                b.append("<p class=\"comment\">").append(Html.lang(c.getLiteralLexicalForm(), c.getLiteralLanguage())).append("</p>\n");
        b.append("</header>\n");
    }

    private void links(StringBuilder b) {
        List<String> out = new ArrayList<>();
        for (Node s : d.objects(Node.ANY, e, OWL2.sameAs.asNode())) {
            if (s.isURI() && s.getURI().startsWith(WIKIDATA)) {
                String qid = s.getURI().substring(WIKIDATA.length());
                out.add("<a rel=\"external\" href=\"https://www.wikidata.org/wiki/" + esc(Html.url(qid)) + "\">Wikidata " + esc(qid) + "</a>");
            } else if (s.isURI()) {
                out.add("<a rel=\"external\" href=\"" + esc(s.getURI()) + "\">" + esc(s.getURI()) + "</a>");
            }
        }
        Node etoDocs = d.first(ETO_SOURCE, Describer.URL);
        for (Node id : d.objects(Node.ANY, e, ETO_ID)) {
            String text = "ETO " + id.getLiteralLexicalForm();
            out.add(etoDocs == null ? esc(text)
                    : "<a rel=\"external\" href=\"" + esc(etoDocs.isURI() ? etoDocs.getURI() : etoDocs.getLiteralLexicalForm())
                      + "\" title=\"ETO Advanced Semiconductor Supply Chain dataset\">" + esc(text) + "</a>");
        }
        if (!out.isEmpty())
            b.append("<dt>Elsewhere</dt><dd class=\"links\">").append(String.join(" · ", out)).append("</dd>");
    }

    private String editorLink() {
        String q = "SELECT ?property ?value ?graph WHERE {\n  GRAPH ?graph { <" + e.getURI() + "> ?property ?value }\n} ORDER BY ?property";
        return "/ui/#/dataset/chipgraph/query?query=" + Html.url(q);
    }

    private static String joinLiterals(List<Node> ls) {
        List<String> parts = new ArrayList<>();
        for (Node l : ls)
            parts.add(Html.lang(l.getLiteralLexicalForm(), l.getLiteralLanguage()));
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------- facts

    private record Fact(Node property, Node value, List<Describer.Origin> origins) {}

    private void facts(StringBuilder b) {
        Map<Kind, Map<Node, List<Fact>>> byKind = new LinkedHashMap<>();
        for (Kind k : Kind.values())
            byKind.put(k, new LinkedHashMap<>());
        Map<String, Fact> seen = new LinkedHashMap<>();
        List<Quad> quads = new ArrayList<>();
        d.dataset().find(Node.ANY, e, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        quads.sort(java.util.Comparator.comparing((Quad q) -> q.getPredicate().getURI()).thenComparing(q -> q.getObject().toString()));
        for (Quad q : quads) {
            Node p = q.getPredicate();
            if (HEADER.contains(p) || deps.propertyLabels.containsKey(p.getURI()) || p.equals(OWL2.sameAs.asNode()))
                continue;
            String key = p + " " + q.getObject();
            Fact f = seen.get(key);
            if (f == null) {
                f = new Fact(p, q.getObject(), new ArrayList<>());
                seen.put(key, f);
                byKind.get(kind(p, q.getObject())).computeIfAbsent(p, k -> new ArrayList<>()).add(f);
            }
            Describer.Origin o = d.origin(q.getGraph(), e);
            if (!f.origins().contains(o))
                f.origins().add(o);
        }
        // An inferred fact that only restates an asserted value under a broader property (etoId ->
        // dct:identifier) adds nothing for a reader.
        java.util.Set<Node> assertedValues = new java.util.HashSet<>();
        for (Fact f : seen.values())
            if (f.origins().stream().anyMatch(o -> !o.inferred()))
                assertedValues.add(f.value());
        for (Map<Node, List<Fact>> byProp : byKind.values()) {
            byProp.values().forEach(l -> l.removeIf(f -> f.origins().stream().allMatch(Describer.Origin::inferred) && assertedValues.contains(f.value())));
            byProp.values().removeIf(List::isEmpty);
        }
        if (byKind.values().stream().allMatch(Map::isEmpty))
            return;
        b.append("<section id=\"facts\" aria-labelledby=\"facts-h\"><h2 id=\"facts-h\">Facts</h2>\n");
        for (Map.Entry<Kind, Map<Node, List<Fact>>> k : byKind.entrySet()) {
            if (k.getValue().isEmpty())
                continue;
            b.append("<h3>").append(k.getKey().title).append("</h3>\n<table class=\"facts\"><thead><tr><th scope=\"col\">property</th>")
             .append("<th scope=\"col\">value</th><th scope=\"col\">source</th></tr></thead><tbody>\n");
            for (Map.Entry<Node, List<Fact>> p : k.getValue().entrySet()) {
                boolean firstRow = true;
                for (Fact f : p.getValue()) {
                    b.append("<tr>");
                    if (firstRow)
                        b.append("<th scope=\"row\" rowspan=\"").append(p.getValue().size()).append("\">").append(propertyLink(p.getKey())).append("</th>");
                    firstRow = false;
                    b.append("<td>").append(value(f.property(), f.value())).append("</td><td>").append(origins(f.origins())).append("</td></tr>\n");
                }
            }
            b.append("</tbody></table>\n");
        }
        b.append("</section>\n");
    }

    private Kind kind(Node p, Node o) {
        if (p.equals(Describer.WAS_DERIVED_FROM))
            return Kind.PROVENANCE;
        if (p.equals(ETO_ID) || p.equals(Describer.URL) || p.getURI().equals(Chipgraph.NS + "lei") || p.getURI().equals(Chipgraph.NS + "citation"))
            return Kind.IDENTIFIERS;
        if (o.isLiteral() && XSD_DATE.equals(o.getLiteralDatatypeURI()))
            return Kind.DATES;
        if (d.unit(p) != null)
            return Kind.SPECS;
        if (o.isURI() || o.isBlank())
            return Kind.RELATIONS;
        return Kind.ATTRIBUTES;
    }

    String propertyLink(Node p) {
        if (p.getURI().startsWith(Chipgraph.NS))
            return "<a href=\"/ontology#" + esc(Describer.localName(p)) + "\">" + esc(d.label(p)) + "</a>";
        return "<span title=\"" + esc(p.getURI()) + "\">" + esc(d.label(p)) + "</span>";
    }

    /** A value as text: entities as links with their label, literals with their language and unit. */
    String value(Node p, Node o) {
        if (o.isURI())
            return Html.link(o.getURI(), d.label(o));
        if (o.isBlank())
            return esc(d.label(o));
        if (o.isTripleTerm())
            return "<code>" + esc(o.toString()) + "</code>";
        String unit = p == null ? null : d.unit(p);
        String text = Html.lang(o.getLiteralLexicalForm(), o.getLiteralLanguage());
        if (XSD_DATE.equals(o.getLiteralDatatypeURI()))
            return "<time datetime=\"" + esc(o.getLiteralLexicalForm()) + "\">" + esc(o.getLiteralLexicalForm()) + "</time>";
        if ("http://www.w3.org/2001/XMLSchema#anyURI".equals(o.getLiteralDatatypeURI()))
            return "<a rel=\"external\" href=\"" + esc(o.getLiteralLexicalForm()) + "\">" + esc(o.getLiteralLexicalForm()) + "</a>";
        return unit == null ? text : text + " <span class=\"unit\">" + esc(unit) + "</span>";
    }

    /** Sources as links to their pages; "inferred" for what the reasoner added. */
    String origins(List<Describer.Origin> origins) {
        List<String> out = new ArrayList<>();
        for (Describer.Origin o : origins) {
            if (o.inferred()) {
                out.add("<span class=\"badge inferred\" title=\"materialized by the rules in ontology/rules/\">inferred</span>");
                continue;
            }
            if (o.sources().isEmpty())
                out.add("<span class=\"graph\">" + esc(Describer.localName(NodeFactory.createURI(o.graph()))) + "</span>");
            for (Describer.Source s : o.sources()) {
                String l = "<a class=\"source\" href=\"" + esc(Html.entityHref(s.iri())) + "\">" + Html.lang(s.title(), s.lang()) + "</a>";
                if (!out.contains(l))
                    out.add(l);
            }
        }
        return String.join("<br>", out);
    }
}
