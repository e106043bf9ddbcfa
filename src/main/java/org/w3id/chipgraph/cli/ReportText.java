package org.w3id.chipgraph.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The dependency reports as text for the terminal, from their JSON (the form a server's /api/
 * answers and {@code --format json} prints, so a report read from a server and one computed
 * here print the same).
 */
public final class ReportText {
    private ReportText() {}

    public static String explain(JsonObject r) {
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

    public static String impact(JsonObject r) {
        StringBuilder sb = new StringBuilder("Removing ");
        List<String> names = new ArrayList<>();
        r.get("removed").getAsArray().forEach(e -> names.add(e.getAsObject().get("label").getAsString().value()));
        sb.append(String.join(", ", names));
        if (r.hasKey("asOf"))
            sb.append(" as of ").append(r.get("asOf").getAsString().value());
        affected(sb, "\n\nLose every path to something they need:\n", r, "losesEveryPath",
                o -> "(" + o.get("need").getAsString().value() + ": ");
        affected(sb, "\nLose only some paths:\n", r, "losesSomePaths", o -> "(loses ");
        return sb.toString();
    }

    /** One list of an impact report: "  label  (what: lost, ...)" a line, then how many it leaves out. */
    private static void affected(StringBuilder sb, String heading, JsonObject r, String key, Function<JsonObject, String> what) {
        sb.append(heading);
        JsonArray list = r.get(key).getAsArray();
        if (list.isEmpty()) sb.append("  (none)\n");
        for (var e : list) {
            JsonObject o = e.getAsObject();
            List<String> lost = new ArrayList<>();
            o.get("lost").getAsArray().forEach(l -> lost.add(l.getAsString().value()));
            sb.append("  ").append(o.get("label").getAsString().value()).append("  ").append(what.apply(o))
              .append(String.join(", ", lost)).append(")\n");
        }
        more(sb, r, key + "Count", list.size());
    }

    /** The line saying how many the list leaves out (it stops at --limit); an older server sends no count. */
    private static void more(StringBuilder sb, JsonObject r, String countKey, int listed) {
        if (!r.hasKey(countKey))
            return;
        long total = r.get(countKey).getAsNumber().value().longValue();
        if (total > listed)
            sb.append("  ... and ").append(total - listed).append(" more (").append(total).append(" in all; --limit N lists more)\n");
    }

    public static String chokepoints(JsonObject r) {
        StringBuilder sb = new StringBuilder("Inputs with a single provider holding 100 % of the market:\n");
        JsonArray sole = r.get("soleProviders").getAsArray();
        if (sole.isEmpty()) sb.append("  (none)\n");
        for (var e : sole) {
            JsonObject o = e.getAsObject();
            List<String> deps = new ArrayList<>();
            o.get("dependents").getAsArray().forEach(d -> deps.add(d.getAsString().value()));
            sb.append("  ").append(o.get("inputLabel").getAsString().value()).append(": ")
              .append(o.get("providerLabel").getAsString().value()).append(" ")
              .append(new BigDecimal(o.get("sharePercent").getAsNumber().value().toString()).stripTrailingZeros().toPlainString()).append(" %")
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

}
