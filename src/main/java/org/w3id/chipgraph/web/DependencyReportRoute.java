package org.w3id.chipgraph.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.chipgraph.reason.Deadline;
import org.w3id.chipgraph.reason.DependencyReports;
import org.w3id.chipgraph.reason.Reports;

/**
 * The dependency reports: {@code /api/explain?from=A&to=B} (chains with their sources),
 * {@code /api/impact?remove=X[&remove=Y][&asOf=D]} (what-if) and {@code /api/chokepoints[?top=N]}.
 * JSON by default, CSV (one table per report) when the client asks for text/csv. Entity
 * arguments as everywhere: an unknown name is a 404, an ambiguous one a 400 listing the candidates.
 */
public record DependencyReportRoute(Report report) implements Route {
    enum Report { EXPLAIN, IMPACT, CHOKEPOINTS }

    /** The most entities one what-if may remove: each costs a pass over the dependency graph. */
    public static final int MAX_REMOVED = 50;

    /**
     * How many entities each list of a what-if answer holds by default ({@code limit}), and at most:
     * a hub at a million edges affects over 100,000, megabytes that no one reads in one answer.
     */
    public static final int IMPACT_LIMIT = 1000, MAX_IMPACT_LIMIT = 100_000;

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        Deadline deadline = store.queryDeadline();
        DependencyReports reports = store.reports(deadline);
        boolean csv = Responses.wantsCsv(req);
        switch (report) {
            case EXPLAIN -> {
                Reports.Explanation r = reports.explain(Params.required(req, "from", ""), Params.required(req, "to", ""));
                if (csv) Responses.csv(resp, ReportTables.EXPLAIN_HEADER, ReportTables.explain(r));
                else Responses.json(resp, ReportJson.explain(r));
            }
            case IMPACT -> {
                Reports.Impact r = impact(reports, removed(req), Params.date(req, "asOf"), deadline,
                        Params.integer(req, "limit", IMPACT_LIMIT, 0, MAX_IMPACT_LIMIT));
                if (csv) Responses.csv(resp, ReportTables.IMPACT_HEADER, ReportTables.impact(r));
                else Responses.json(resp, ReportJson.impact(r));
            }
            case CHOKEPOINTS -> {
                Reports.ChokepointReport r = reports.chokepoints(Params.integer(req, "top", 15, 0, Integer.MAX_VALUE));
                if (csv) Responses.csv(resp, ReportTables.CHOKEPOINTS_HEADER, ReportTables.chokepoints(r));
                else Responses.json(resp, ReportJson.chokepoints(r));
            }
        }
    }

    private static Reports.Impact impact(DependencyReports reports, List<String> removed, LocalDate asOf, Deadline deadline, int limit) {
        try {
            return reports.impact(removed, asOf, deadline, limit);
        } catch (IllegalArgumentException e) {
            if (Responses.status(e) != 0)
                throw e;
            // an unknown country code (country:XXX): the request's fault
            throw new BadRequestException(e.getMessage());
        }
    }

    private static List<String> removed(HttpServletRequest req) {
        String[] v = req.getParameterValues("remove");
        if (v == null || v.length == 0)
            throw new BadRequestException("Missing parameter 'remove' (an entity, or country:ISO3)");
        List<String> distinct = List.copyOf(new LinkedHashSet<>(Arrays.asList(v)));
        if (distinct.size() > MAX_REMOVED)
            throw new BadRequestException("At most " + MAX_REMOVED + " different 'remove' values at once, not " + distinct.size());
        return new ArrayList<>(distinct);
    }
}
