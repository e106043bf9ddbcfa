package org.w3id.chipgraph.reason;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.query.EntityResolver;

/**
 * The dependency questions as reports, shared by the command line and the HTTP API:
 * explain (chains with sources), impact (what breaks without X, optionally as of a date)
 * and chokepoints. Entity arguments are resolved as DESIGN.md says.
 */
public final class DependencyReports {
    private final Function<Query, RowSetRewindable> select;
    private final DependencyGraph graph;
    private final EntityResolver resolver;

    public DependencyReports(Function<Query, RowSetRewindable> select) {
        this.select = select;
        this.graph = DependencyGraph.load(select);
        this.resolver = new EntityResolver(select);
    }

    public DependencyGraph graph() { return graph; }

    // ---------------------------------------------------------------- explain

    public JsonObject explain(String fromArg, String toArg) {
        String from = resolver.resolve(fromArg), to = resolver.resolve(toArg);
        JsonObject out = new JsonObject();
        out.put("from", entity(from));
        out.put("to", entity(to));
        Integer a = graph.idOf(from), b = graph.idOf(to);
        List<Explainer.Chain> chains = (a == null || b == null) ? List.of() : new Explainer(graph).explain(a, b);
        out.put("dependsOn", !chains.isEmpty());
        JsonArray cs = new JsonArray();
        for (Explainer.Chain c : chains) {
            JsonArray steps = new JsonArray();
            for (DependencyGraph.Edge e : c.edges())
                steps.add(edge(e));
            cs.add(steps);
        }
        out.put("chains", cs);
        return out;
    }

    JsonObject edge(DependencyGraph.Edge e) {
        JsonObject s = new JsonObject();
        s.put("from", graph.iri(e.from()));
        s.put("fromLabel", graph.label(e.from()));
        s.put("property", e.property());
        s.put("propertyLabel", graph.propertyLabel(e.property()));
        s.put("to", graph.iri(e.to()));
        s.put("toLabel", graph.label(e.to()));
        JsonArray sources = new JsonArray();
        for (DependencyGraph.Source src : e.sources()) {
            JsonObject o = new JsonObject();
            o.put("source", src.iri());
            o.put("title", src.title());
            o.put("graph", src.graph());
            sources.add(o);
        }
        s.put("sources", sources);
        return s;
    }

    public static String explainText(JsonObject r) {
        StringBuilder sb = new StringBuilder();
        String from = r.get("from").getAsObject().get("label").getAsString().value();
        String to = r.get("to").getAsObject().get("label").getAsString().value();
        JsonArray chains = r.get("chains").getAsArray();
        if (chains.isEmpty())
            return from + " does not depend on " + to + " in the graph.\n";
        sb.append(from).append(" depends on ").append(to).append(": ").append(chains.size())
          .append(chains.size() == 1 ? " shortest chain" : " shortest chains").append(" of direct edges (by role)\n");
        int i = 1;
        for (var c : chains) {
            sb.append("\nChain ").append(i++).append(":\n");
            for (var st : c.getAsArray()) {
                JsonObject s = st.getAsObject();
                sb.append("  ").append(s.get("fromLabel").getAsString().value()).append(" --")
                  .append(s.get("propertyLabel").getAsString().value()).append("--> ")
                  .append(s.get("toLabel").getAsString().value()).append('\n');
                for (var src : s.get("sources").getAsArray())
                    sb.append("      source: ").append(src.getAsObject().get("title").getAsString().value())
                      .append(" <").append(src.getAsObject().get("source").getAsString().value()).append(">\n");
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- impact

    /**
     * @param removeArgs entities, or {@code country:ISO3} for a country and every organization
     *                   headquartered there
     * @param asOf       when given, entities that did not exist yet or had ended on that date
     *                   are left out of the network first (released, announced or effective
     *                   after it; effective until before it), and so are the supply edges a
     *                   cg:SupplyRelation dates outside it
     */
    public JsonObject impact(List<String> removeArgs, LocalDate asOf) {
        return impact(removeArgs, asOf, Deadline.NONE);
    }

    /** {@link #impact(List, LocalDate)} giving up with {@link Deadline.Exceeded} past the deadline. */
    public JsonObject impact(List<String> removeArgs, LocalDate asOf, Deadline deadline) {
        Set<String> removed = new LinkedHashSet<>();
        for (String arg : removeArgs)
            removed.addAll(resolveRemoval(arg));
        // As of a date, the supply edges dated outside it are left out of the network too.
        DependencyGraph graph = asOf == null ? this.graph : DependencyGraph.load(select, asOf);
        Set<Integer> absent = asOf == null ? Set.of() : absentOn(graph, asOf);
        List<Integer> ids = new ArrayList<>();
        for (String iri : removed) {
            Integer id = graph.idOf(iri);
            if (id != null)
                ids.add(id);
        }
        // As of a date, entities that did not exist yet are left out first; only what the
        // removal itself breaks beyond that baseline is reported.
        ImpactAnalysis impact = new ImpactAnalysis(graph);
        Set<Integer> baselineFailed = new HashSet<>();
        if (!absent.isEmpty())
            impact.remove(absent, deadline).failed().forEach(f -> baselineFailed.add(f.node()));
        List<Integer> all = new ArrayList<>(ids);
        all.addAll(absent);
        ImpactAnalysis.Result r = impact.remove(all, deadline);
        Set<Integer> causedByRemoval = new HashSet<>(ids);
        JsonObject out = new JsonObject();
        JsonArray rem = new JsonArray();
        removed.forEach(iri -> rem.add(entity(iri)));
        out.put("removed", rem);
        if (asOf != null) {
            out.put("asOf", asOf.toString());
            JsonArray ab = new JsonArray();
            absent.forEach(id -> ab.add(entity(graph.iri(id))));
            out.put("notYetOrNoLongerPresent", ab);
        }
        JsonArray every = new JsonArray();
        for (ImpactAnalysis.Failure f : r.failed()) {
            if (absent.contains(f.node()) || baselineFailed.contains(f.node()))
                continue;
            causedByRemoval.add(f.node());
            JsonObject o = entity(graph.iri(f.node()));
            o.put("need", graph.propertyLabel(f.need()));
            JsonArray lost = new JsonArray();
            f.lost().forEach(l -> lost.add(graph.label(l)));
            o.put("lost", lost);
            every.add(o);
        }
        out.put("losesEveryPath", every);
        JsonArray some = new JsonArray();
        BitSet reachesCaused = upstream(graph, causedByRemoval, deadline);
        for (ImpactAnalysis.Partial p : r.partial()) {
            if (absent.contains(p.node()) || baselineFailed.contains(p.node()) || !reachesCaused.get(p.node()))
                continue;
            JsonObject o = entity(graph.iri(p.node()));
            JsonArray lost = new JsonArray();
            p.lostDependencies().stream().filter(l -> !absent.contains(l)).forEach(l -> lost.add(graph.label(l)));
            o.put("lost", lost);
            some.add(o);
        }
        out.put("losesSomePaths", some);
        return out;
    }

    /** Every node with a path of one edge or more to one of {@code targets} (one walk for all). */
    static BitSet upstream(DependencyGraph graph, Set<Integer> targets, Deadline deadline) {
        BitSet reached = new BitSet(), expanded = new BitSet();
        ArrayDeque<Integer> queue = new ArrayDeque<>(targets);
        targets.forEach(expanded::set);
        while (!queue.isEmpty()) {
            int y = queue.poll();
            for (int i = graph.inBegin(y), end = graph.inEnd(y); i < end; i++) {
                deadline.check();
                int x = graph.edge(graph.inEdgeAt(i)).from();
                reached.set(x);
                if (!expanded.get(x)) {
                    expanded.set(x);
                    queue.add(x);
                }
            }
        }
        return reached;
    }

    List<String> resolveRemoval(String arg) {
        if (arg.startsWith("country:")) {
            String code = arg.substring("country:".length()).toUpperCase();
            Query q = QueryTransformOps.replaceVars(QueryFactory.create(COUNTRY), java.util.Map.of(Var.alloc("code"),
                    NodeFactory.createLiteralString(code)));
            RowSetRewindable rows = select.apply(q);
            Set<String> out = new LinkedHashSet<>();
            while (rows.hasNext()) {
                Binding b = rows.next();
                out.add(b.get(Var.alloc("country")).getURI());
                var org = b.get(Var.alloc("org"));
                if (org != null)
                    out.add(org.getURI());
            }
            if (out.isEmpty())
                throw new IllegalArgumentException("No country with ISO 3166-1 alpha-3 code '" + code + "' (cg:countryCode)");
            return new ArrayList<>(out);
        }
        return List.of(resolver.resolve(arg));
    }

    static final String COUNTRY = Chipgraph.PREFIXES + """
            SELECT ?country ?org WHERE {
              ?country a cg:Country ; cg:countryCode ?code .
              OPTIONAL { ?org cg:headquarteredIn ?country }
            }""";

    static final String DATES = Chipgraph.PREFIXES + """
            SELECT ?x ?start ?end WHERE {
              { ?x cg:releasedOn|cg:announcedOn|cg:effectiveFrom ?start } UNION { ?x cg:effectiveUntil ?end }
            }""";

    Set<Integer> absentOn(DependencyGraph graph, LocalDate day) {
        Set<Integer> absent = new HashSet<>();
        RowSetRewindable rows = select.apply(QueryFactory.create(DATES));
        java.util.Map<Integer, LocalDate> earliestStart = new java.util.HashMap<>();
        while (rows.hasNext()) {
            Binding b = rows.next();
            Integer id = graph.idOf(b.get(Var.alloc("x")).getURI());
            if (id == null)
                continue;
            var start = b.get(Var.alloc("start"));
            var end = b.get(Var.alloc("end"));
            try {
                if (start != null)
                    earliestStart.merge(id, LocalDate.parse(start.getLiteralLexicalForm()), (x, y) -> x.isBefore(y) ? x : y);
                if (end != null && LocalDate.parse(end.getLiteralLexicalForm()).isBefore(day))
                    absent.add(id);
            } catch (java.time.format.DateTimeParseException e) {
                // A date that is not a full date (SHACL forbids it) says nothing here.
            }
        }
        earliestStart.forEach((id, start) -> { if (start.isAfter(day)) absent.add(id); });
        return absent;
    }

    public static String impactText(JsonObject r) {
        StringBuilder sb = new StringBuilder("Removing ");
        List<String> names = new ArrayList<>();
        r.get("removed").getAsArray().forEach(e -> names.add(e.getAsObject().get("label").getAsString().value()));
        sb.append(String.join(", ", names));
        if (r.hasKey("asOf"))
            sb.append(" as of ").append(r.get("asOf").getAsString().value());
        sb.append("\n\nLose every path to something they need:\n");
        JsonArray every = r.get("losesEveryPath").getAsArray();
        if (every.isEmpty()) sb.append("  (none)\n");
        for (var e : every) {
            JsonObject o = e.getAsObject();
            List<String> lost = new ArrayList<>();
            o.get("lost").getAsArray().forEach(l -> lost.add(l.getAsString().value()));
            sb.append("  ").append(o.get("label").getAsString().value()).append("  (").append(o.get("need").getAsString().value())
              .append(": ").append(String.join(", ", lost)).append(")\n");
        }
        sb.append("\nLose only some paths:\n");
        JsonArray some = r.get("losesSomePaths").getAsArray();
        if (some.isEmpty()) sb.append("  (none)\n");
        for (var e : some) {
            JsonObject o = e.getAsObject();
            List<String> lost = new ArrayList<>();
            o.get("lost").getAsArray().forEach(l -> lost.add(l.getAsString().value()));
            sb.append("  ").append(o.get("label").getAsString().value()).append("  (loses ").append(String.join(", ", lost)).append(")\n");
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- chokepoints

    private volatile List<Chokepoints.Ranked> ranking;

    /** The chokepoint ranking of this store version: computed once, then served from memory. */
    public List<Chokepoints.Ranked> ranking() {
        List<Chokepoints.Ranked> r = ranking;
        if (r == null) {
            synchronized (this) {
                if (ranking == null)
                    ranking = List.copyOf(new Chokepoints(graph).ranking());
                r = ranking;
            }
        }
        return r;
    }

    public JsonObject chokepoints(int top) {
        Chokepoints c = new Chokepoints(graph);
        JsonObject out = new JsonObject();
        JsonArray sole = new JsonArray();
        for (Chokepoints.SoleProvider s : c.soleProviders(select)) {
            JsonObject o = new JsonObject();
            o.put("input", s.input());
            o.put("inputLabel", s.inputLabel());
            o.put("provider", s.provider());
            o.put("providerLabel", s.providerLabel());
            o.put("sharePercent", org.apache.jena.atlas.json.JsonNumber.value(s.sharePercent()));
            o.put("source", s.source());
            JsonArray deps = new JsonArray();
            s.dependents().forEach(d -> deps.add(graph.label(d)));
            o.put("dependents", deps);
            sole.add(o);
        }
        out.put("soleProviders", sole);
        JsonArray ranking = new JsonArray();
        for (Chokepoints.Ranked r : ranking().stream().limit(top).toList()) {
            JsonObject o = entity(graph.iri(r.node()));
            o.put("wouldFail", r.failed());
            o.put("wouldLoseSome", r.partial());
            ranking.add(o);
        }
        out.put("ranking", ranking);
        return out;
    }

    public static String chokepointsText(JsonObject r) {
        StringBuilder sb = new StringBuilder("Inputs with a single provider holding 100 % of the market:\n");
        JsonArray sole = r.get("soleProviders").getAsArray();
        if (sole.isEmpty()) sb.append("  (none)\n");
        for (var e : sole) {
            JsonObject o = e.getAsObject();
            List<String> deps = new ArrayList<>();
            o.get("dependents").getAsArray().forEach(d -> deps.add(d.getAsString().value()));
            sb.append("  ").append(o.get("inputLabel").getAsString().value()).append(": ")
              .append(o.get("providerLabel").getAsString().value()).append(" ")
              .append(new java.math.BigDecimal(o.get("sharePercent").getAsNumber().value().toString()).stripTrailingZeros().toPlainString()).append(" %")
              .append(o.get("source").getAsString().value().isEmpty() ? "" : " (" + o.get("source").getAsString().value() + ")")
              .append("\n      depended on by ").append(deps.size()).append(": ").append(String.join(", ", deps)).append('\n');
        }
        sb.append("\nEntities ranked by how many others would lose every path to something they need without them:\n");
        sb.append(String.format("  %6s %6s  %s%n", "fail", "some", "entity"));
        for (var e : r.get("ranking").getAsArray()) {
            JsonObject o = e.getAsObject();
            sb.append(String.format("  %6d %6d  %s%n", o.get("wouldFail").getAsNumber().value().intValue(),
                    o.get("wouldLoseSome").getAsNumber().value().intValue(), o.get("label").getAsString().value()));
        }
        return sb.toString();
    }

    // ----------------------------------------------------------------

    JsonObject entity(String iri) {
        JsonObject o = new JsonObject();
        o.put("iri", iri);
        Integer id = graph.idOf(iri);
        o.put("label", id != null ? graph.label(id) : labelOf(iri));
        return o;
    }

    private String labelOf(String iri) {
        Query q = QueryTransformOps.replaceVars(QueryFactory.create(Chipgraph.PREFIXES
                + "SELECT ?l WHERE { ?e rdfs:label ?l FILTER(lang(?l) = \"en\") } LIMIT 1"),
                java.util.Map.of(Var.alloc("e"), NodeFactory.createURI(iri)));
        RowSetRewindable rows = select.apply(q);
        return rows.hasNext() ? rows.next().get(Var.alloc("l")).getLiteralLexicalForm() : iri;
    }
}
