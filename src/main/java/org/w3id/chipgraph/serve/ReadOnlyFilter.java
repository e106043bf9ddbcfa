package org.w3id.chipgraph.serve;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The loader is the only writer: over HTTP, for every client including loopback, only
 * reads get through. The dataset itself offers no update or graph-store write endpoint;
 * this filter is the second wall, in front of everything, so a write never reaches a servlet.
 */
public final class ReadOnlyFilter implements Filter {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        HttpServletResponse out = (HttpServletResponse) resp;
        String method = http.getMethod();
        String path = http.getRequestURI().substring(http.getContextPath().length());

        if (READ_METHODS.contains(method)) {
            if (http.getParameter("update") != null) {
                refuse(out, HttpServletResponse.SC_FORBIDDEN, "SPARQL Update is not accepted: this endpoint is read-only");
                return;
            }
            chain.doFilter(req, resp);
            return;
        }
        if ("POST".equals(method) && isQueryPost(http, path)) {
            chain.doFilter(req, resp);
            return;
        }
        if ("POST".equals(method) && path.equals(ReloadServlet.PATH)) {
            // Changes no data (it serves what the loader published); the servlet asks for a login.
            chain.doFilter(req, resp);
            return;
        }
        int status = "POST".equals(method) ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        refuse(out, status, method + " " + path + " is not accepted: chipgraph is read-only over HTTP (the loader is the only writer)");
    }

    /** A SPARQL query sent by POST (the protocol allows it for long queries), to a dataset, never an update. */
    private static boolean isQueryPost(HttpServletRequest http, String path) {
        if (path.startsWith("/$/"))
            return false;
        String type = http.getContentType() == null ? "" : http.getContentType().toLowerCase();
        if (type.startsWith("application/sparql-query"))
            return true;
        if (type.startsWith("application/x-www-form-urlencoded"))
            return http.getParameter("update") == null && http.getParameter("query") != null;
        return false;
    }

    private static void refuse(HttpServletResponse out, int status, String message) throws IOException {
        out.setStatus(status);
        if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED)
            out.setHeader("Allow", "GET, HEAD, OPTIONS, POST");
        out.setContentType("text/plain;charset=utf-8");
        out.getWriter().println(message);
    }
}
