package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Static files from a folder of the classpath, the same whether it is a directory (tests,
 * IDEs) or inside the jar. Serves {@code /ui/*} (the Fuseki UI, from {@code /webapp/}) and
 * {@code /assets/*} (our CSS and scripts, and the vendored Cytoscape.js).
 */
final class ClasspathFiles extends HttpServlet {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"), Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"), Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("map", "application/json"), Map.entry("txt", "text/plain;charset=utf-8"));

    private final String root;
    private final String index;

    /** @param root classpath folder, e.g. "/webapp"; @param index file for the folder itself, or null */
    ClasspathFiles(String root, String index) {
        this.root = root;
        this.index = index;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            // "/ui" without its slash: the UI's relative links need the slash.
            resp.sendRedirect(req.getRequestURI() + "/");
            return;
        }
        if (path.equals("/") && index != null)
            path = "/" + index;
        // Only plain names: no "..", no empty or hidden segments, no backslashes.
        if (path.contains("\\") || path.contains("/.") || path.contains("//") || path.endsWith("/")) {
            resp.sendError(404);
            return;
        }
        URL url = ClasspathFiles.class.getResource(root + path);
        if (url == null) {
            resp.sendError(404);
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        // Hashed file names in the UI's static/ never change; ours may change between versions.
        resp.setHeader("Cache-Control", path.contains("/static/") ? "public, max-age=31536000, immutable" : "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = url.openStream(); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
