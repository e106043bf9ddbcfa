package org.w3id.chipgraph.web;

import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
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
        out.put("chains", Json.array(r.chains(), chain -> Json.array(chain, ReportJson::step)));
        return out;
    }

    private static JsonObject step(Reports.Step st) {
        JsonObject s = Json.object("from", st.from().iri(), "fromLabel", st.from().label(), "property", st.property(),
                "propertyLabel", st.propertyLabel(), "to", st.to().iri(), "toLabel", st.to().label());
        s.put("sources", Json.array(st.sources(), src -> Json.object("source", src.iri(), "title", src.title(), "graph", src.graph())));
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
        return Json.array(list, x -> {
            JsonObject o = entity(x.entity());
            if (x.need() != null)
                o.put("need", x.need());
            o.put("lost", Json.strings(x.lost()));
            return o;
        });
    }

    public static JsonObject chokepoints(Reports.ChokepointReport r) {
        JsonObject out = new JsonObject();
        out.put("soleProviders", Json.array(r.soleProviders(), s -> {
            JsonObject o = Json.object("input", s.input().iri(), "inputLabel", s.input().label(),
                    "provider", s.provider().iri(), "providerLabel", s.provider().label());
            o.put("sharePercent", JsonNumber.value(s.sharePercent()));
            o.put("source", s.source());
            o.put("dependents", Json.strings(s.dependents()));
            return o;
        }));
        out.put("ranking", Json.array(r.ranking(), x -> {
            JsonObject o = entity(x.entity());
            o.put("wouldFail", x.wouldFail());
            o.put("wouldLoseSome", x.wouldLoseSome());
            return o;
        }));
        return out;
    }

    private static JsonObject entity(Reports.Entity e) {
        return Json.object("iri", e.iri(), "label", e.label());
    }

    private static JsonArray entities(List<Reports.Entity> list) {
        return Json.array(list, ReportJson::entity);
    }
}
