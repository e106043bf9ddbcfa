package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.QueryCancelledException;

/**
 * {@code /timeline}: every measure (US, allied, Chinese) on one time axis, a lane per issuing
 * government, with the links between them (amends, supersedes, rescinds, suspends, continues,
 * concerns, in response to). Filtered by query parameters: {@code issuer} (an agency or a
 * government, which takes in its agencies), {@code target}, {@code kind}; a value that names
 * nothing on the timeline is refused (400) with a message naming the parameter.
 */
final class TimelineServlet extends HttpServlet {
    static final Set<String> PARAMETERS = Set.of("issuer", "target", "kind");

    private final TimelineData data;

    private final transient Supplier<StoreContext> store;

    TimelineServlet(Supplier<StoreContext> store, CatalogQueryRunner queries) {
        this.store = store;
        this.data = new TimelineData(queries);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            for (String name : req.getParameterMap().keySet())
                if (!PARAMETERS.contains(name))
                    throw new ChipQuery.BadParameter("Unknown parameter '" + name + "'; /timeline takes issuer, kind, target");
            String issuer = one(req, "issuer"), target = one(req, "target"), kind = one(req, "kind");
            TimelineData.All all = data.load(store.get());
            check("issuer", issuer, all.issuers());
            check("target", target, all.targets());
            check("kind", kind, all.kinds());
            List<TimelineItem> shown = new ArrayList<>();
            for (TimelineItem it : all.items())
                if ((issuer.isEmpty() || it.issuerKeys().contains(issuer)) && (target.isEmpty() || it.targetKeys().contains(target))
                        && (kind.isEmpty() || it.kindKey().equals(kind)))
                    shown.add(it);
            TimelineLayout.Placed p = TimelineLayout.place(shown, all.links());
            List<TimelineView.LinkKind> legend = new ArrayList<>();
            TimelineLayout.COLOURS.forEach((k, c) -> legend.add(new TimelineView.LinkKind(k, linkName(k), c)));
            Responses.page(resp, 200, "timeline", Map.of("view", new TimelineView(TimelineLayout.WIDTH, p.height(), p.lanes(), p.ticks(),
                    p.cards(), p.arrows(), options(all.issuers(), issuer), options(all.targets(), target), options(all.kinds(), kind),
                    legend, all.items().size())));
        } catch (ChipQuery.BadParameter e) {
            Responses.page(resp, 400, "timeline-error", Map.of("message", e.getMessage()));
        } catch (QueryCancelledException e) {
            Responses.page(resp, 503, "timeline-error", Map.of("message", "The query timed out."));
        }
    }

    private static String one(HttpServletRequest req, String name) {
        String[] v = req.getParameterValues(name);
        if (v != null && v.length > 1)
            throw new ChipQuery.BadParameter("Parameter '" + name + "' is given " + v.length + " times; give it once");
        return v == null || v[0] == null ? "" : v[0].strip();
    }

    private static void check(String param, String value, Map<String, String> known) {
        if (!value.isEmpty() && !known.containsKey(value))
            throw new ChipQuery.BadParameter("Parameter '" + param + "': no measure on the timeline has " + param + " '"
                    + ChipQuery.shorten(value) + "'; known: " + String.join(", ", known.keySet()));
    }

    private static List<ChipsView.Option> options(Map<String, String> m, String chosen) {
        List<ChipsView.Option> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new ChipsView.Option(k, v, k.equals(chosen))));
        return out;
    }

    private static String linkName(String key) {
        return switch (key) {
            case "inResponseTo" -> "in response to";
            case "sameRequirementAs" -> "same requirement as";
            default -> key;
        };
    }
}
