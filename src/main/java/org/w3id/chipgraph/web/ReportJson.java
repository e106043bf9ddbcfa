package org.w3id.chipgraph.web;

import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.Reports;

/**
 * The dependency reports as the JSON that /api/explain, /api/impact and /api/chokepoints answer
 * (and that the command line prints with {@code --format json}).
 */
public final class ReportJson {
    private ReportJson() {}

    public static JsonObject explain(Reports.Explanation r) {
        JsonObject out = new JsonObject();
        out.put("from", entity(r.from()));
        out.put("to", entity(r.to()));
        out.put("dependsOn", r.dependsOn());
        JsonArray cs = new JsonArray();
        for (List<Reports.Step> chain : r.chains()) {
            JsonArray steps = new JsonArray();
            chain.forEach(s -> steps.add(step(s)));
            cs.add(steps);
        }
        out.put("chains", cs);
        return out;
    }

    private static JsonObject step(Reports.Step st) {
        JsonObject s = new JsonObject();
        s.put("from", st.from().iri());
        s.put("fromLabel", st.from().label());
        s.put("property", st.property());
        s.put("propertyLabel", st.propertyLabel());
        s.put("to", st.to().iri());
        s.put("toLabel", st.to().label());
        JsonArray sources = new JsonArray();
        for (DependencyGraph.Source src : st.sources()) {
            JsonObject o = new JsonObject();
            o.put("source", src.iri());
            o.put("title", src.title());
            o.put("graph", src.graph());
            sources.add(o);
        }
        s.put("sources", sources);
        return s;
    }

    public static JsonObject impact(Reports.Impact r) {
        JsonObject out = new JsonObject();
        out.put("removed", entities(r.removed()));
        if (r.asOf() != null) {
            out.put("asOf", r.asOf().toString());
            out.put("notYetOrNoLongerPresent", entities(r.absent()));
        }
        out.put("losesEveryPath", affected(r.losesEveryPath()));
        out.put("losesSomePaths", affected(r.losesSomePaths()));
        // The totals: the lists stop at the request's limit.
        out.put("losesEveryPathCount", r.losesEveryPathTotal());
        out.put("losesSomePathsCount", r.losesSomePathsTotal());
        return out;
    }

    private static JsonArray affected(List<Reports.Affected> list) {
        JsonArray a = new JsonArray();
        for (Reports.Affected x : list) {
            JsonObject o = entity(x.entity());
            if (x.need() != null)
                o.put("need", x.need());
            JsonArray lost = new JsonArray();
            x.lost().forEach(lost::add);
            o.put("lost", lost);
            a.add(o);
        }
        return a;
    }

    public static JsonObject chokepoints(Reports.ChokepointReport r) {
        JsonObject out = new JsonObject();
        JsonArray sole = new JsonArray();
        for (Reports.SoleProvider s : r.soleProviders()) {
            JsonObject o = new JsonObject();
            o.put("input", s.input().iri());
            o.put("inputLabel", s.input().label());
            o.put("provider", s.provider().iri());
            o.put("providerLabel", s.provider().label());
            o.put("sharePercent", JsonNumber.value(s.sharePercent()));
            o.put("source", s.source());
            JsonArray deps = new JsonArray();
            s.dependents().forEach(deps::add);
            o.put("dependents", deps);
            sole.add(o);
        }
        out.put("soleProviders", sole);
        JsonArray ranking = new JsonArray();
        for (Reports.Ranked x : r.ranking()) {
            JsonObject o = entity(x.entity());
            o.put("wouldFail", x.wouldFail());
            o.put("wouldLoseSome", x.wouldLoseSome());
            ranking.add(o);
        }
        out.put("ranking", ranking);
        return out;
    }

    private static JsonObject entity(Reports.Entity e) {
        JsonObject o = new JsonObject();
        o.put("iri", e.iri());
        o.put("label", e.label());
        return o;
    }

    private static JsonArray entities(List<Reports.Entity> list) {
        JsonArray a = new JsonArray();
        list.forEach(e -> a.add(entity(e)));
        return a;
    }
}
