package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.chipgraph.Chipgraph;

/**
 * {@code /chips}: the chip explorer. Every chip with its designer, foundry, process, specs,
 * release date and classification under each scheme on a chosen date; sorted and filtered by
 * query parameters (see {@link ChipQuery}); {@code format=csv} gives exactly the rows shown.
 */
record ChipsRoute(ChipExplorer explorer) implements Route {
    private static final List<String> FIXED_LABELS = List.of("Chip", "Designer", "Country", "Foundry", "Process",
            "TPP", "Performance density", "Memory bandwidth (GB/s)", "Released");

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        ChipQuery q = ChipQuery.parse(req.getParameterMap());
        ChipExplorer.Table table = explorer.load(store, q.asOf());
        List<ChipRow> rows = q.apply(table);
        if (q.csv())
            csv(resp, q, table, rows);
        else
            Responses.page(resp, 200, "chips", Map.of("view", view(q, table, rows)));
    }

    /** The explorer's own error page, or the bare message when CSV was asked for. */
    @Override
    public void errorPage(HttpServletRequest req, HttpServletResponse resp, int status, String message) throws IOException {
        if ("csv".equals(req.getParameter("format")))
            Responses.text(resp, status, message);
        else
            Responses.page(resp, status, "chips-error", Map.of("message", message));
    }

    private static void csv(HttpServletResponse resp, ChipQuery q, ChipExplorer.Table table, List<ChipRow> rows) throws IOException {
        resp.setHeader("Content-Disposition", "attachment; filename=\"chips-" + q.asOf() + ".csv\"");
        List<String> head = new ArrayList<>(List.of("chip", "iri"));
        head.addAll(FIXED_LABELS.subList(1, FIXED_LABELS.size()));
        table.schemes().forEach(s -> head.add(s.name() + " on " + q.asOf()));
        List<List<String>> body = new ArrayList<>();
        for (ChipRow r : rows) {
            List<String> f = new ArrayList<>(List.of(r.name(), iri(r.href()), r.designer(), r.country(), r.foundries(), r.processes(),
                    r.tpp(), r.performanceDensity(), r.memoryBandwidth(), r.released()));
            r.classifications().forEach(c -> f.add(c.text()));
            body.add(f);
        }
        Responses.csv(resp, head, body);
    }

    private static String iri(String href) {
        return href == null ? "" : Chipgraph.ID + href.substring("/id/".length());
    }

    private static ChipsView view(ChipQuery q, ChipExplorer.Table table, List<ChipRow> rows) {
        List<ChipsView.Header> headers = new ArrayList<>();
        for (int i = 0; i < ChipQuery.FIXED_COLUMNS.size(); i++)
            headers.add(header(q, ChipQuery.FIXED_COLUMNS.get(i), FIXED_LABELS.get(i)));
        table.schemes().forEach(s -> headers.add(header(q, s.key(), s.name())));
        return new ChipsView(q.asOf().toString(),
                ChipsView.options(ChipQuery.options(table.rows(), ChipRow::designerKey, ChipRow::designer), q.designer()),
                ChipsView.options(ChipQuery.options(table.rows(), ChipRow::countryKey, ChipRow::country), q.country()),
                ChipsView.options(ChipQuery.classificationOptions(table), q.classification()),
                q.sort(), q.descending() ? "desc" : "asc", headers, table.schemes(), rows, table.rows().size(),
                href(q, q.sort(), q.descending(), true), "/chips?asOf=" + q.asOf());
    }

    private static ChipsView.Header header(ChipQuery q, String key, String label) {
        boolean current = q.sort().equals(key);
        String aria = !current ? "none" : q.descending() ? "descending" : "ascending";
        return new ChipsView.Header(key, label, href(q, key, current && !q.descending(), false), aria,
                List.of("tpp", "density", "bandwidth").contains(key), !ChipQuery.FIXED_COLUMNS.contains(key));
    }

    /** The link to this view with another sort (and as CSV); parameters in a fixed order, defaults left out. */
    static String href(ChipQuery q, String sort, boolean desc, boolean csv) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("asOf", q.asOf().toString());
        p.put("designer", q.designer());
        p.put("country", q.country());
        p.put("classification", q.classification());
        p.put("sort", sort.equals("name") ? "" : sort);
        p.put("dir", desc ? "desc" : "");
        p.put("format", csv ? "csv" : "");
        StringJoiner j = new StringJoiner("&", "/chips?", "");
        p.forEach((k, v) -> { if (!v.isEmpty()) j.add(k + "=" + Links.url(v)); });
        return j.toString();
    }
}
