package org.w3id.chipgraph.web;

import static org.w3id.chipgraph.web.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
final class EntityRelations {
    static final String CG = Chipgraph.NS;
    static final Node DEPENDS_ON = NodeFactory.createURI(CG + "dependsOn");
    static final Node ABOUT = NodeFactory.createURI(CG + "about");

    private final Describer d;
    private final Node e;
    private final DependencyEdges deps;

    EntityRelations(Describer d, Node e, DependencyEdges deps) {
        this.d = d;
        this.e = e;
        this.deps = deps;
    }

    // ---------------------------------------------------------------- dependencies

    void dependencies(StringBuilder b) {
        String iri = e.getURI();
        List<DependencyEdges.Edge> out = deps.out.getOrDefault(iri, List.of());
        List<DependencyEdges.Edge> in = deps.in.getOrDefault(iri, List.of());
        Set<Node> upClosure = closure(true), downClosure = closure(false);
        if (out.isEmpty() && in.isEmpty() && upClosure.isEmpty() && downClosure.isEmpty())
            return;
        b.append("<section id=\"dependencies\" aria-labelledby=\"deps-h\"><h2 id=\"deps-h\">Dependencies</h2>\n");
        b.append("""
                <div class="graph-panel">
                <div class="graph-controls">
                <label for="depth">Depth</label>
                <select id="depth" name="depth">
                <option value="1">1</option><option value="2" selected>2</option><option value="3">3</option><option value="4">4</option>
                </select>
                <span id="graph-status" role="status" aria-live="polite"></span>
                </div>
                <div id="graph" role="img" aria-label="Dependency picture: what this depends on (right) and what depends on it (left). The same edges are listed below." data-entity="%s"></div>
                <div id="graph-legend" class="legend" aria-hidden="true"></div>
                </div>
                """.formatted(esc(iri)));
        b.append("<div class=\"two-col\">");
        depList(b, "Depends on", "depends-on", out, upClosure, true);
        depList(b, "Depended on by", "depended-on-by", in, downClosure, false);
        b.append("</div></section>\n");
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

    private void depList(StringBuilder b, String title, String id, List<DependencyEdges.Edge> direct, Set<Node> closure, boolean forward) {
        b.append("<div><h3 id=\"").append(id).append("\">").append(title).append("</h3>\n");
        List<String> directIris = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (DependencyEdges.Edge x : direct) {
            String other = forward ? x.to() : x.from();
            Node on = NodeFactory.createURI(other);
            String row = "<li class=\"" + (x.inferred() ? "inferred" : "asserted") + "\">" + Html.link(other, d.label(on))
                    + " <span class=\"via\">" + esc(deps.propertyLabel(x.property())) + "</span> ";
            if (x.inferred()) {
                row += "<span class=\"badge inferred\">inferred</span> " + explainLink(forward ? e.getURI() : other, forward ? other : e.getURI());
            } else {
                Node s = NodeFactory.createURI(x.from()), o = NodeFactory.createURI(x.to());
                row += "<span class=\"sources\">" + originsText(d.originsOf(s, NodeFactory.createURI(x.property()), o)) + "</span>";
            }
            rows.add(row + "</li>");
            directIris.add(other);
        }
        b.append("<p class=\"legend-text\">Directly</p>");
        b.append(rows.isEmpty() ? "<p class=\"none\">nothing</p>" : "<ul class=\"deps\">" + String.join("\n", rows) + "</ul>");
        List<Node> indirect = closure.stream().filter(n -> !directIris.contains(n.getURI()))
                .sorted(Comparator.comparing(d::label, String.CASE_INSENSITIVE_ORDER)).toList();
        if (!indirect.isEmpty()) {
            b.append("<p class=\"legend-text\">Through a chain (inferred)</p><ul class=\"deps indirect\">");
            for (Node n : indirect)
                b.append("<li class=\"inferred\">").append(Html.link(n.getURI(), d.label(n))).append(" ")
                 .append(explainLink(forward ? e.getURI() : n.getURI(), forward ? n.getURI() : e.getURI())).append("</li>");
            b.append("</ul>");
        }
        b.append("</div>\n");
    }

    private static String explainLink(String from, String to) {
        return "<a class=\"explain\" href=\"/api/explain?from=" + esc(Html.url(from)) + "&amp;to=" + esc(Html.url(to)) + "\">why</a>";
    }

    private String originsText(List<Describer.Origin> origins) {
        List<String> out = new ArrayList<>();
        for (Describer.Origin o : origins)
            for (Describer.Source s : o.sources()) {
                String l = "<a class=\"source\" href=\"" + esc(Html.entityHref(s.iri())) + "\">" + Html.lang(s.title(), s.lang()) + "</a>";
                if (!out.contains(l))
                    out.add(l);
            }
        return String.join("; ", out);
    }

    // ---------------------------------------------------------------- policies

    private record PolicyRow(Node policy, String relation, Node via, String announced, String from, String until) {
        String sortKey() {
            String k = from != null ? from : announced != null ? announced : "9999";
            if (announced != null && announced.compareTo(k) < 0) k = announced;
            return k;
        }
    }

    void policies(StringBuilder b) {
        Map<String, PolicyRow> rows = new LinkedHashMap<>();
        collectPolicies(e, null, rows);
        // Policies on what it depends on directly, and on the products it designed (Nvidia designs
        // the H200 an approval applies to; the H200 depends on Nvidia, not the other way round).
        for (DependencyEdges.Edge x : deps.out.getOrDefault(e.getURI(), List.of()))
            if (!x.inferred())
                collectPolicies(NodeFactory.createURI(x.to()), NodeFactory.createURI(x.to()), rows);
        for (DependencyEdges.Edge x : deps.in.getOrDefault(e.getURI(), List.of()))
            if (x.property().equals(CG + "designedBy"))
                collectPolicies(NodeFactory.createURI(x.from()), NodeFactory.createURI(x.from()), rows);
        if (rows.isEmpty())
            return;
        List<PolicyRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(PolicyRow::sortKey).thenComparing(r -> d.label(r.policy())));
        b.append("<section id=\"policies\" aria-labelledby=\"pol-h\"><h2 id=\"pol-h\">Policies affecting it</h2>\n<ol class=\"timeline\">\n");
        for (PolicyRow r : sorted) {
            b.append("<li><div class=\"when\">");
            if (r.announced() != null)
                b.append("<span>announced <time datetime=\"").append(esc(r.announced())).append("\">").append(esc(r.announced())).append("</time></span>");
            if (r.from() != null)
                b.append("<span>in force <time datetime=\"").append(esc(r.from())).append("\">").append(esc(r.from())).append("</time>")
                 .append(r.until() == null ? "" : " – <time datetime=\"" + esc(r.until()) + "\">" + esc(r.until()) + "</time>").append("</span>");
            else if (r.until() != null)
                b.append("<span>until <time datetime=\"").append(esc(r.until())).append("\">").append(esc(r.until())).append("</time></span>");
            if (r.announced() == null && r.from() == null && r.until() == null)
                b.append("<span>undated</span>");
            b.append("</div><div class=\"what\">").append(Html.link(r.policy().getURI(), d.label(r.policy())))
             .append(" <span class=\"via\">").append(esc(r.relation()));
            if (r.via() != null)
                b.append(" ").append(Html.link(r.via().getURI(), d.label(r.via())));
            b.append("</span></div></li>\n");
        }
        b.append("</ol></section>\n");
    }

    private void collectPolicies(Node target, Node via, Map<String, PolicyRow> rows) {
        List<Quad> quads = new ArrayList<>();
        d.dataset().find(Node.ANY, Node.ANY, Node.ANY, target).forEachRemaining(quads::add);
        for (Quad q : quads) {
            Node p = q.getSubject();
            if (!p.isURI() || q.getGraph().equals(Chipgraph.GRAPH_INFERRED) || !d.isA(p, CG + "Policy"))
                continue;
            String key = p.getURI();
            if (rows.containsKey(key) && (via != null || rows.get(key).via() == null))
                continue;
            rows.put(key, new PolicyRow(p, d.label(q.getPredicate()), via, date(p, "announcedOn"), date(p, "effectiveFrom"), date(p, "effectiveUntil")));
        }
    }

    private String date(Node s, String local) {
        Node v = d.first(s, NodeFactory.createURI(CG + local));
        return v == null || !v.isLiteral() ? null : v.getLiteralLexicalForm();
    }

    // ---------------------------------------------------------------- claims

    void claims(StringBuilder b) {
        List<Node> claims = new ArrayList<>();
        d.dataset().find(Node.ANY, Node.ANY, ABOUT, e).forEachRemaining(q -> { if (!claims.contains(q.getSubject())) claims.add(q.getSubject()); });
        if (claims.isEmpty())
            return;
        claims.sort(Comparator.comparing((Node c) -> String.valueOf(date(c, "claimDate"))).thenComparing((Node c) -> c.toString()));
        b.append("<section id=\"claims\" aria-labelledby=\"claims-h\"><h2 id=\"claims-h\">Claims about it</h2>\n")
         .append("<p class=\"note\">What someone said, with who said it, where and when. A claim asserts nothing by itself.</p>\n<ul class=\"claims\">\n");
        for (Node c : claims) {
            b.append("<li><p class=\"claim-head\">").append(Html.link(c.getURI(), d.label(c)));
            Node uncertain = d.first(c, NodeFactory.createURI(CG + "uncertain"));
            if (uncertain != null && uncertain.isLiteral() && "true".equals(uncertain.getLiteralLexicalForm()))
                b.append(" <span class=\"badge uncertain\">uncertain</span>");
            b.append("</p><p class=\"claim-meta\">");
            List<String> meta = new ArrayList<>();
            for (String[] r : new String[][] {{"claimant", "said by"}, {"reportedBy", "reported by"}}) {
                for (Node who : d.objects(Node.ANY, c, NodeFactory.createURI(CG + r[0])))
                    if (who.isURI())
                        meta.add(r[1] + " " + Html.link(who.getURI(), d.label(who)));
            }
            String date = date(c, "claimDate");
            if (date != null)
                meta.add("on <time datetime=\"" + esc(date) + "\">" + esc(date) + "</time>");
            for (Node src : d.objects(Node.ANY, c, NodeFactory.createURI(CG + "citedIn")))
                if (src.isURI()) {
                    Describer.Source s = d.source(src);
                    meta.add("in <a class=\"source\" href=\"" + esc(Html.entityHref(s.iri())) + "\">" + Html.lang(s.title(), s.lang()) + "</a>");
                }
            b.append(String.join(" · ", meta)).append("</p>");
            for (Node t : d.objects(Node.ANY, c, NodeFactory.createURI(CG + "claimText")))
                if (t.isLiteral())
                    b.append("<blockquote>").append(Html.lang(t.getLiteralLexicalForm(), t.getLiteralLanguage())).append("</blockquote>");
            b.append("</li>\n");
        }
        b.append("</ul></section>\n");
    }

    // ---------------------------------------------------------------- incoming

    /** Other things stating a relation to it (not dependencies, claims or policies, which have their sections). */
    void incoming(StringBuilder b) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<Quad> quads = new ArrayList<>();
        d.dataset().find(Node.ANY, Node.ANY, Node.ANY, e).forEachRemaining(quads::add);
        for (Quad q : quads) {
            Node s = q.getSubject(), p = q.getPredicate();
            if (!s.isURI() || p.equals(ABOUT) || p.equals(RDF.type.asNode()) || deps.propertyLabels.containsKey(p.getURI())
                    || q.getGraph().equals(Chipgraph.GRAPH_INFERRED) || d.isA(s, CG + "Policy") || d.isA(s, CG + "Claim"))
                continue;
            String row = Html.link(s.getURI(), d.label(s));
            List<String> l = rows.computeIfAbsent(d.label(p), k -> new ArrayList<>());
            if (!l.contains(row))
                l.add(row);
        }
        if (rows.isEmpty())
            return;
        b.append("<section id=\"incoming\" aria-labelledby=\"in-h\"><h2 id=\"in-h\">Referred to by</h2>\n<dl class=\"incoming\">");
        rows.forEach((p, l) -> b.append("<dt>").append(esc(p)).append("</dt><dd>").append(String.join(", ", l)).append("</dd>"));
        b.append("</dl></section>\n");
    }

    /** For a source document: the named graphs whose facts come from it. */
    void derivedGraphs(StringBuilder b) {
        List<Node> graphs = new ArrayList<>();
        d.dataset().find(Chipgraph.GRAPH_SOURCES, Node.ANY, Describer.WAS_DERIVED_FROM, e).forEachRemaining(q -> graphs.add(q.getSubject()));
        if (graphs.isEmpty())
            return;
        b.append("<section id=\"graphs\" aria-labelledby=\"graphs-h\"><h2 id=\"graphs-h\">Facts taken from this source</h2><ul>");
        for (Node g : graphs) {
            long n = org.apache.jena.atlas.iterator.Iter.count(d.dataset().find(g, Node.ANY, Node.ANY, Node.ANY));
            b.append("<li><a href=\"/chipgraph/get?graph=").append(esc(Html.url(g.getURI()))).append("\"><code>")
             .append(esc(g.getURI())).append("</code></a> (").append(n).append(" triples)</li>");
        }
        b.append("</ul></section>\n");
    }
}
