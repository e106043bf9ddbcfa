package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.chipgraph.Chipgraph;

/**
 * The sections of an entity page about what surrounds it: dependencies both ways (asserted
 * edges with their sources, inferred ones with a link to their explanation), policies on a
 * timeline, claims about it, other things that refer to it, and for a source document the
 * graphs of facts taken from it.
 */
record EntityRelations(Describer d, Node e, DependencyEdges deps) {
    static final String CG = Chipgraph.NS;
    static final Node DEPENDS_ON = NodeFactory.createURI(CG + "dependsOn");
    static final Node ABOUT = NodeFactory.createURI(CG + "about");

    // ---------------------------------------------------------------- dependencies

    /** Both directions, or null when the entity has no dependencies either way. */
    EntityView.Dependencies dependencies() {
        String iri = e.getURI();
        List<DependencyEdges.Edge> out = deps.out.getOrDefault(iri, List.of());
        List<DependencyEdges.Edge> in = deps.in.getOrDefault(iri, List.of());
        Set<Node> upClosure = closure(true), downClosure = closure(false);
        if (out.isEmpty() && in.isEmpty() && upClosure.isEmpty() && downClosure.isEmpty())
            return null;
        return new EntityView.Dependencies(depList("Depends on", "depends-on", out, upClosure, true),
                depList("Depended on by", "depended-on-by", in, downClosure, false));
    }

    /** Everything reachable in the materialized closure (graph/inferred), or the index when it is not materialized. */
    private Set<Node> closure(boolean forward) {
        Set<Node> out = new LinkedHashSet<>();
        if (forward)
            d.dataset().find(Node.ANY, e, DEPENDS_ON, Node.ANY).forEachRemaining(q -> { if (q.getObject().isURI()) out.add(q.getObject()); });
        else
            d.dataset().find(Node.ANY, Node.ANY, DEPENDS_ON, e).forEachRemaining(q -> { if (q.getSubject().isURI()) out.add(q.getSubject()); });
        out.remove(e);
        return out;
    }

    private EntityView.DepList depList(String title, String id, List<DependencyEdges.Edge> direct, Set<Node> closure, boolean forward) {
        List<String> directIris = new ArrayList<>();
        List<EntityView.DepRow> rows = new ArrayList<>();
        for (DependencyEdges.Edge x : direct) {
            String other = forward ? x.to() : x.from();
            Cell link = Cell.link(other, d.label(NodeFactory.createURI(other)));
            String via = deps.propertyLabel(x.property());
            if (x.inferred()) {
                rows.add(new EntityView.DepRow(link, via, true, explain(other, forward), List.of()));
            } else {
                Node s = NodeFactory.createURI(x.from()), o = NodeFactory.createURI(x.to());
                rows.add(new EntityView.DepRow(link, via, false, null, sources(d.originsOf(s, NodeFactory.createURI(x.property()), o))));
            }
            directIris.add(other);
        }
        List<EntityView.DepRow> indirect = closure.stream().filter(n -> !directIris.contains(n.getURI()))
                .sorted(Comparator.comparing(d::label, String.CASE_INSENSITIVE_ORDER))
                .map(n -> new EntityView.DepRow(Cell.link(n.getURI(), d.label(n)), null, true, explain(n.getURI(), forward), List.of()))
                .toList();
        return new EntityView.DepList(title, id, rows, indirect);
    }

    /** Why the entity depends on {@code other} (forward), or {@code other} on the entity. */
    private String explain(String other, boolean forward) {
        return forward ? Links.explain(e.getURI(), other) : Links.explain(other, e.getURI());
    }

    private static List<Cell> sources(List<Describer.Origin> origins) {
        List<Cell> out = new ArrayList<>();
        for (Describer.Origin o : origins)
            for (Describer.Source s : o.sources()) {
                Cell c = EntityPage.source(s);
                if (!out.contains(c))
                    out.add(c);
            }
        return out;
    }

    // ---------------------------------------------------------------- policies

    private record Policy(Node policy, String relation, Node via, String announced, String from, String until) {
        String sortKey() {
            String k = from != null ? from : announced != null ? announced : "9999";
            if (announced != null && announced.compareTo(k) < 0) k = announced;
            return k;
        }
    }

    /** The policies on it, on what it depends on directly, and on the products it designed, in date order. */
    List<EntityView.PolicyRow> policies() {
        Map<String, Policy> rows = new LinkedHashMap<>();
        collectPolicies(e, null, rows);
        // Policies on what it depends on directly, and on the products it designed (Nvidia designs
        // the H200 an approval applies to; the H200 depends on Nvidia, not the other way round).
        for (DependencyEdges.Edge x : deps.out.getOrDefault(e.getURI(), List.of()))
            if (!x.inferred())
                collectPolicies(NodeFactory.createURI(x.to()), NodeFactory.createURI(x.to()), rows);
        for (DependencyEdges.Edge x : deps.in.getOrDefault(e.getURI(), List.of()))
            if (x.property().equals(CG + "designedBy"))
                collectPolicies(NodeFactory.createURI(x.from()), NodeFactory.createURI(x.from()), rows);
        List<Policy> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(Policy::sortKey).thenComparing(r -> d.label(r.policy())));
        return sorted.stream().map(r -> new EntityView.PolicyRow(Cell.link(r.policy().getURI(), d.label(r.policy())), r.relation(),
                r.via() == null ? null : Cell.link(r.via().getURI(), d.label(r.via())), r.announced(), r.from(), r.until())).toList();
    }

    private void collectPolicies(Node target, Node via, Map<String, Policy> rows) {
        List<Quad> quads = new ArrayList<>();
        d.dataset().find(Node.ANY, Node.ANY, Node.ANY, target).forEachRemaining(quads::add);
        for (Quad q : quads) {
            Node p = q.getSubject();
            if (!p.isURI() || q.getGraph().equals(Chipgraph.GRAPH_INFERRED) || !d.isA(p, CG + "Policy"))
                continue;
            String key = p.getURI();
            if (rows.containsKey(key) && (via != null || rows.get(key).via() == null))
                continue;
            rows.put(key, new Policy(p, d.label(q.getPredicate()), via, date(p, "announcedOn"), date(p, "effectiveFrom"), date(p, "effectiveUntil")));
        }
    }

    private String date(Node s, String local) {
        Node v = d.first(s, NodeFactory.createURI(CG + local));
        return v == null || !v.isLiteral() ? null : v.getLiteralLexicalForm();
    }

    // ---------------------------------------------------------------- claims

    List<EntityView.Claim> claims() {
        List<Node> claims = new ArrayList<>();
        d.dataset().find(Node.ANY, Node.ANY, ABOUT, e).forEachRemaining(q -> { if (!claims.contains(q.getSubject())) claims.add(q.getSubject()); });
        claims.sort(Comparator.comparing((Node c) -> String.valueOf(date(c, "claimDate"))).thenComparing((Node c) -> c.toString()));
        List<EntityView.Claim> out = new ArrayList<>();
        for (Node c : claims) {
            Node uncertain = d.first(c, NodeFactory.createURI(CG + "uncertain"));
            boolean isUncertain = uncertain != null && uncertain.isLiteral() && "true".equals(uncertain.getLiteralLexicalForm());
            List<Cell> quotes = new ArrayList<>();
            for (Node t : d.objects(Node.ANY, c, NodeFactory.createURI(CG + "claimText")))
                if (t.isLiteral())
                    quotes.add(Cell.text(t.getLiteralLexicalForm(), t.getLiteralLanguage()));
            out.add(new EntityView.Claim(Cell.link(c.getURI(), d.label(c)), isUncertain, byline(c), quotes));
        }
        return out;
    }

    /** Who said it, who reported it, when, and where. */
    private List<EntityView.MetaPart> byline(Node c) {
        List<EntityView.MetaPart> meta = new ArrayList<>();
        for (String[] r : new String[][] {{"claimant", "said by"}, {"reportedBy", "reported by"}})
            for (Node who : d.objects(Node.ANY, c, NodeFactory.createURI(CG + r[0])))
                if (who.isURI())
                    meta.add(new EntityView.MetaPart(r[1], Cell.link(who.getURI(), d.label(who)), null, null));
        String date = date(c, "claimDate");
        if (date != null)
            meta.add(new EntityView.MetaPart("on", null, date, null));
        for (Node src : d.objects(Node.ANY, c, NodeFactory.createURI(CG + "citedIn")))
            if (src.isURI())
                meta.add(new EntityView.MetaPart("in", null, null, EntityPage.source(d.source(src))));
        return meta;
    }

    // ---------------------------------------------------------------- incoming

    /** Other things stating a relation to it (not dependencies, claims or policies, which have their sections). */
    List<EntityView.Incoming> incoming() {
        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        List<Quad> quads = new ArrayList<>();
        d.dataset().find(Node.ANY, Node.ANY, Node.ANY, e).forEachRemaining(quads::add);
        for (Quad q : quads) {
            Node s = q.getSubject(), p = q.getPredicate();
            if (!s.isURI() || p.equals(ABOUT) || p.equals(RDF.type.asNode()) || deps.propertyLabels.containsKey(p.getURI())
                    || q.getGraph().equals(Chipgraph.GRAPH_INFERRED) || d.isA(s, CG + "Policy") || d.isA(s, CG + "Claim"))
                continue;
            Cell row = Cell.link(s.getURI(), d.label(s));
            List<Cell> l = rows.computeIfAbsent(d.label(p), k -> new ArrayList<>());
            if (!l.contains(row))
                l.add(row);
        }
        List<EntityView.Incoming> out = new ArrayList<>();
        rows.forEach((p, l) -> out.add(new EntityView.Incoming(p, l)));
        return out;
    }

    /** For a source document: the named graphs whose facts come from it. */
    List<EntityView.GraphRow> derivedGraphs() {
        List<EntityView.GraphRow> out = new ArrayList<>();
        List<Node> graphs = new ArrayList<>();
        d.dataset().find(Chipgraph.GRAPH_SOURCES, Node.ANY, Describer.WAS_DERIVED_FROM, e).forEachRemaining(q -> graphs.add(q.getSubject()));
        for (Node g : graphs) {
            long n = Iter.count(d.dataset().find(g, Node.ANY, Node.ANY, Node.ANY));
            out.add(new EntityView.GraphRow("/chipgraph/get?graph=" + Links.url(g.getURI()), g.getURI(), n));
        }
        return out;
    }
}
