package org.w3id.chipgraph.serve;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per HTTP request, whatever answered it (a query, a page, a refusal):
 * {@code 127.0.0.1 "GET /chipgraph/sparql" 200 12 ms} (Fuseki's own lines before it give the query
 * text, cut as {@link #cut} does). Logger {@code org.w3id.chipgraph.access} (shown as {@code access}).
 * Logged text is cut to {@value #MAX_LOGGED} characters: a 50 MB query is not a 50 MB log line.
 */
public final class RequestLogFilter implements Filter {
    static final Logger LOG = LoggerFactory.getLogger("org.w3id.chipgraph.access");
    static final int MAX_LOGGED = 2_000;

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        HttpServletRequest http = (HttpServletRequest) req;
        HttpServletResponse out = (HttpServletResponse) resp;
        int status = 500;
        try {
            chain.doFilter(req, resp);
            status = out.getStatus();
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.info("{} \"{} {}\" {} {} ms", http.getRemoteAddr(), http.getMethod(), cut(http.getRequestURI()), status, ms);
        }
    }

    /** Text for the log: on one line, at most {@value #MAX_LOGGED} characters, saying how many were cut. */
    static String cut(String text) {
        boolean cut = text.length() > MAX_LOGGED;
        String shown = (cut ? text.substring(0, MAX_LOGGED) : text).replaceAll("\\s+", " ");
        return cut ? shown + "... (" + (text.length() - MAX_LOGGED) + " more characters not logged)" : shown;
    }
}
