package org.w3id.chipgraph.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.chipgraph.serve.ServerOptions;

/** What every servlet of ours needs: the dataset being served now (it changes on reload), content negotiation, errors. */
final class Served {
    private Served() {}

    /** Looked up per request, so a reload is seen by the next request. */
    static DatasetGraph dataset(ServletContext ctx) {
        return DataAccessPointRegistry.get(ctx).get(ServerOptions.DATASET).getDataService().getDataset();
    }

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
        return "text/csv".equals(choose(req, AcceptList.create("application/json", "text/csv"), "application/json"));
    }

    static void jsonError(HttpServletResponse resp, int status, String message, List<String> candidates) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        JsonObject o = new JsonObject();
        o.put("error", message);
        if (candidates != null && !candidates.isEmpty()) {
            JsonArray c = new JsonArray();
            candidates.forEach(c::add);
            o.put("candidates", c);
        }
        resp.getWriter().println(o.toString());
    }

    static void html(HttpServletResponse resp, int status, String page) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        resp.getWriter().write(page);
    }

    static String csvField(String s) {
        if (s == null)
            return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String csvRow(List<String> fields) {
        return String.join(",", fields.stream().map(Served::csvField).toList()) + "\r\n";
    }
}
