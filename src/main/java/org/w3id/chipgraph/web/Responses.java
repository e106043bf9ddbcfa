package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.query.QueryCancelledException;
import org.w3id.chipgraph.query.EntityResolver;
import org.w3id.chipgraph.reason.Deadline;
import org.w3id.chipgraph.query.ParameterException;

/**
 * How every route of ours answers: content negotiation, JSON and CSV bodies, pages, and the
 * status and body of an error. The one place that maps the typed exceptions to HTTP:
 * {@link BadRequestException} and {@link ParameterException} 400, {@link NotFoundException} 404,
 * an unresolved entity name 404 (400 with its candidates when it is ambiguous), a query past
 * its deadline 503. Anything else is left to the server (500, logged).
 */
final class Responses {
    static final String JSON = "application/json";
    static final String CSV = "text/csv";
    private static final AcceptList JSON_OR_CSV = AcceptList.create(JSON, CSV);
    /** RFC 4180: CRLF between records; fields quoted when they hold a comma, quote, CR or LF. */
    private static final CSVFormat CSV_FORMAT = CSVFormat.RFC4180;

    private Responses() {}

    /** The offered type the Accept header prefers; {@code dflt} when there is no Accept header; null when nothing fits. */
    static String choose(HttpServletRequest req, AcceptList offered, String dflt) {
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank())
            return dflt;
        MediaType m = AcceptList.match(new AcceptList(accept), offered);
        return m == null ? null : m.getContentTypeStr();
    }

    /** For /api: CSV when asked for, JSON otherwise (also for Accept: * / *, or none). */
    static boolean wantsCsv(HttpServletRequest req) {
        return CSV.equals(choose(req, JSON_OR_CSV, JSON));
    }

    static void json(HttpServletResponse resp, JsonValue body) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(JSON + ";charset=utf-8");
        resp.getWriter().println(body.toString());
    }

    /** A CSV table: the header row, then the rows, each field written by Commons CSV. */
    static void csv(HttpServletResponse resp, List<String> header, Iterable<? extends List<String>> rows) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(CSV + ";charset=utf-8");
        PrintWriter w = resp.getWriter();
        CSVPrinter printer = new CSVPrinter(w, CSV_FORMAT);
        printer.printRecord(header);
        for (List<String> row : rows)
            printer.printRecord(row);
        printer.flush();
    }

    static void page(HttpServletResponse resp, int status, String template, Map<String, Object> params) throws IOException {
        html(resp, status, Templates.render(template, params));
    }

    static void html(HttpServletResponse resp, int status, String page) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        resp.getWriter().write(page);
    }

    static void text(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().println(message);
    }

    static void jsonError(HttpServletResponse resp, int status, String message, List<String> candidates) throws IOException {
        resp.setStatus(status);
        resp.setContentType(JSON + ";charset=utf-8");
        JsonObject o = new JsonObject();
        o.put("error", message);
        if (!candidates.isEmpty()) {
            JsonArray c = new JsonArray();
            candidates.forEach(c::add);
            o.put("candidates", c);
        }
        resp.getWriter().println(o.toString());
    }

    /** The HTTP status of an error we expect, or 0 for one we do not (a bug: the server answers 500). */
    static int status(RuntimeException e) {
        return switch (e) {
            case BadRequestException x -> 400;
            case NotFoundException x -> 404;
            case EntityResolver.UnresolvedEntity x -> x.candidates.isEmpty() ? 404 : 400;
            case ParameterException x -> 400;
            case QueryCancelledException x -> 503;
            case Deadline.Exceeded x -> 503;
            default -> 0;
        };
    }

    /** What a client is told about an expected error. */
    static String message(RuntimeException e) {
        return e instanceof QueryCancelledException ? "The query timed out: it took longer than the time limit (the server's query timeout)" : e.getMessage();
    }

    static List<String> candidates(RuntimeException e) {
        return switch (e) {
            case BadRequestException x -> x.candidates();
            case EntityResolver.UnresolvedEntity x -> x.candidates;
            default -> List.of();
        };
    }

    /** How a route writes the body of an expected error: JSON for /api, its error page for a page. */
    interface ErrorBody {
        void write(int status, String message, List<String> candidates) throws IOException;
    }

    /** Answers an expected error with its status and body; rethrows anything else, or anything once the answer has begun. */
    static void error(HttpServletResponse resp, RuntimeException e, ErrorBody body) throws IOException {
        int status = status(e);
        if (status == 0 || resp.isCommitted())
            throw e;
        resp.resetBuffer();
        body.write(status, message(e), candidates(e));
    }

    /** The shared error page of an expected error. */
    static void errorPage(HttpServletResponse resp, int status, String message) throws IOException {
        String title = status == 404 ? "Not found" : status == 503 ? "Timed out" : "Bad request";
        page(resp, status, "error", Map.of("title", title, "message", message));
    }
}
