package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /timeline}: every measure (US, allied, Chinese) on one time axis, a lane per issuing
 * government, with the links between them (amends, supersedes, rescinds, suspends, continues,
 * concerns, in response to). Filtered by query parameters: {@code issuer} (an agency or a
 * government, which takes in its agencies), {@code target}, {@code kind}; a value that names
 * nothing on the timeline is refused (400) with a message naming the parameter.
 */
record TimelineRoute(TimelineData data) implements Route {
    static final Set<String> PARAMETERS = Set.of("issuer", "target", "kind");

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        for (String name : req.getParameterMap().keySet())
            if (!PARAMETERS.contains(name))
                throw new BadRequestException("Unknown parameter '" + name + "'; /timeline takes issuer, kind, target");
        String issuer = one(req, "issuer"), target = one(req, "target"), kind = one(req, "kind");
        TimelineData.All all = data.load(store);
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
                p.cards(), p.arrows(), ChipsView.options(all.issuers(), issuer), ChipsView.options(all.targets(), target),
                ChipsView.options(all.kinds(), kind), legend, all.items().size())));
    }

    @Override
    public void errorPage(HttpServletRequest req, HttpServletResponse resp, int status, String message) throws IOException {
        Responses.page(resp, status, "timeline-error", Map.of("message", message));
    }

    private static String one(HttpServletRequest req, String name) {
        String[] v = req.getParameterValues(name);
        if (v != null && v.length > 1)
            throw new BadRequestException("Parameter '" + name + "' is given " + v.length + " times; give it once");
        return v == null || v[0] == null ? "" : v[0].strip();
    }

    private static void check(String param, String value, Map<String, String> known) {
        if (!value.isEmpty() && !known.containsKey(value))
            throw new BadRequestException("Parameter '" + param + "': no measure on the timeline has " + param + " '"
                    + ChipQuery.shorten(value) + "'; known: " + String.join(", ", known.keySet()));
    }

    private static String linkName(String key) {
        return switch (key) {
            case "inResponseTo" -> "in response to";
            case "sameRequirementAs" -> "same requirement as";
            default -> key;
        };
    }
}
