package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /favicon.ico}: browsers ask for it on every page whatever the page's {@code <link rel=icon>}
 * says; it answers with the same small SVG as {@code /assets/favicon.svg} instead of a 404.
 */
final class FaviconServlet extends HttpServlet {
    static final String ICON = "/web/assets/favicon.svg";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("image/svg+xml");
        resp.setHeader("Cache-Control", "public, max-age=86400");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = FaviconServlet.class.getResourceAsStream(ICON); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
