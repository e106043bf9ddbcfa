package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    EntityView view() {
        Map<String, List<Node>> names = new LinkedHashMap<>();
        for (Node l : d.objects(Node.ANY, e, RDFS.label.asNode()))
            if (l.isLiteral())
                names.computeIfAbsent(l.getLiteralLanguage(), k -> new ArrayList<>()).add(l);
        List<EntityView.Names> shown = new ArrayList<>();
        for (String[] l : new String[][] {{"ko", "Korean"}, {"zh", "Chinese"}})
            if (names.containsKey(l[0]))
                shown.add(new EntityView.Names(l[1], cells(names.get(l[0]))));
        List<Node> alt = d.objects(Node.ANY, e, SKOS.altLabel.asNode());
        if (!alt.isEmpty())
            shown.add(new EntityView.Names("Also called", cells(alt)));
        List<Cell> comments = new ArrayList<>();
        for (Node c : d.objects(Node.ANY, e, RDFS.comment.asNode()))
            if (c.isLiteral())
                comments.add(Cell.text(c.getLiteralLexicalForm(), c.getLiteralLanguage()));
        return new EntityView(e.getURI(), Cell.text(d.label(e), names.containsKey("en") ? "en" : ""), shown, types(),
                editorLink(), links(), comments, relations.dependencies(), facts(), relations.policies(), relations.claims(),
                relations.incoming(), relations.derivedGraphs());
    }

    /** The entity's asserted types: ours linked to their entry in the ontology's reference. */
    private List<Cell> types() {
        List<Cell> types = new ArrayList<>();
        d.dataset().find(Node.ANY, e, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            Node t = q.getObject();
            Cell c = t.isURI() && t.getURI().startsWith(Chipgraph.NS)
                    ? new Cell(d.label(t), "", "/ontology#" + Describer.localName(t), false)
                    : Cell.text(d.label(t), "");
            if (!q.getGraph().equals(Chipgraph.GRAPH_INFERRED) && !types.contains(c))
                types.add(c);
        });
        return types;
    }

    private List<Cell> links() {
        List<Cell> out = new ArrayList<>();
        for (Node s : d.objects(Node.ANY, e, OWL2.sameAs.asNode())) {
            if (s.isURI() && s.getURI().startsWith(WIKIDATA)) {
                String qid = s.getURI().substring(WIKIDATA.length());
                out.add(new Cell("Wikidata " + qid, "", "https://www.wikidata.org/wiki/" + Links.url(qid), true));
            } else if (s.isURI()) {
                out.add(new Cell(s.getURI(), "", s.getURI(), true));
            }
        }
        Node etoDocs = d.first(ETO_SOURCE, Describer.URL);
        for (Node id : d.objects(Node.ANY, e, ETO_ID)) {
            String text = "ETO " + id.getLiteralLexicalForm();
            out.add(etoDocs == null ? Cell.text(text, "")
                    : new Cell(text, "", etoDocs.isURI() ? etoDocs.getURI() : etoDocs.getLiteralLexicalForm(), true));
        }
        return out;
    }

    private String editorLink() {
        return Links.editor("SELECT ?property ?value ?graph WHERE {\n  GRAPH ?graph { <" + e.getURI() + "> ?property ?value }\n} ORDER BY ?property");
    }

    private static List<Cell> cells(List<Node> literals) {
        List<Cell> out = new ArrayList<>();
        for (Node l : literals)
            out.add(Cell.text(l.getLiteralLexicalForm(), l.getLiteralLanguage()));
        return out;
    }

    // ---------------------------------------------------------------- facts

    private record Fact(Node property, Node value, List<Describer.Origin> origins) {}

    /** The facts about the entity by kind and property, each with where it comes from. */
    private Map<Kind, Map<Node, List<Fact>>> collectFacts() {
        Map<Kind, Map<Node, List<Fact>>> byKind = new LinkedHashMap<>();
        for (Kind k : Kind.values())
            byKind.put(k, new LinkedHashMap<>());
        Map<String, Fact> seen = new LinkedHashMap<>();
        List<Quad> quads = new ArrayList<>();
        d.dataset().find(Node.ANY, e, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        quads.sort(Comparator.comparing((Quad q) -> q.getPredicate().getURI()).thenComparing(q -> q.getObject().toString()));
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
        Set<Node> assertedValues = new HashSet<>();
        for (Fact f : seen.values())
            if (f.origins().stream().anyMatch(o -> !o.inferred()))
                assertedValues.add(f.value());
        for (Map<Node, List<Fact>> byProp : byKind.values()) {
            byProp.values().forEach(l -> l.removeIf(f -> f.origins().stream().allMatch(Describer.Origin::inferred) && assertedValues.contains(f.value())));
            byProp.values().removeIf(List::isEmpty);
        }
        return byKind;
    }

    private List<EntityView.FactGroup> facts() {
        List<EntityView.FactGroup> groups = new ArrayList<>();
        for (Map.Entry<Kind, Map<Node, List<Fact>>> k : collectFacts().entrySet()) {
            if (k.getValue().isEmpty())
                continue;
            List<EntityView.PropertyFacts> props = new ArrayList<>();
            for (Map.Entry<Node, List<Fact>> p : k.getValue().entrySet()) {
                List<EntityView.FactRow> rows = new ArrayList<>();
                for (Fact f : p.getValue())
                    rows.add(new EntityView.FactRow(value(f.property(), f.value()), origins(f.origins())));
                props.add(new EntityView.PropertyFacts(propertyLink(p.getKey()), rows));
            }
            groups.add(new EntityView.FactGroup(k.getKey().title, props));
        }
        return groups;
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

    EntityView.Value propertyLink(Node p) {
        if (p.getURI().startsWith(Chipgraph.NS))
            return new EntityView.Value("link", d.label(p), "", "/ontology#" + Describer.localName(p), null);
        return new EntityView.Value("titled", d.label(p), "", p.getURI(), null);
    }

    /** A value: entities as links with their label, literals with their language and unit. */
    EntityView.Value value(Node p, Node o) {
        if (o.isURI())
            return new EntityView.Value("link", d.label(o), "", Links.href(o.getURI()), null);
        if (o.isBlank())
            return new EntityView.Value("text", d.label(o), "", null, null);
        if (o.isTripleTerm())
            return new EntityView.Value("code", o.toString(), "", null, null);
        String lex = o.getLiteralLexicalForm();
        if (XSD_DATE.equals(o.getLiteralDatatypeURI()))
            return new EntityView.Value("date", lex, "", null, null);
        if ("http://www.w3.org/2001/XMLSchema#anyURI".equals(o.getLiteralDatatypeURI()))
            return new EntityView.Value("external", lex, "", lex, null);
        return new EntityView.Value("text", lex, o.getLiteralLanguage(), null, p == null ? null : d.unit(p));
    }

    /** Sources as links to their pages; "inferred" for what the reasoner added. */
    static List<EntityView.Origin> origins(List<Describer.Origin> origins) {
        List<EntityView.Origin> out = new ArrayList<>();
        for (Describer.Origin o : origins) {
            if (o.inferred()) {
                out.add(new EntityView.Origin(true, null, null));
                continue;
            }
            if (o.sources().isEmpty())
                out.add(new EntityView.Origin(false, Describer.localName(NodeFactory.createURI(o.graph())), null));
            for (Describer.Source src : o.sources()) {
                EntityView.Origin x = new EntityView.Origin(false, null, source(src));
                if (!out.contains(x))
                    out.add(x);
            }
        }
        return out;
    }

    /** A source document as a link to its page, its title in its language. */
    static Cell source(Describer.Source s) {
        return new Cell(s.title(), s.lang(), Links.href(s.iri()), false);
    }
}
