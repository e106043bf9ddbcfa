package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Fuseki UI's page ({@code /ui/}, {@code /ui/index.html}) with our read-only script and style
 * added to its head: they hide the UI's write tabs and buttons ("add data", "edit", "new
 * dataset"), send their routes back to the query editor, and show a notice that the data
 * changes only through the loader. The endpoints refuse writes anyway; this keeps the UI from
 * offering what can only fail. Everything else under /ui/ passes through.
 */
final class UiReadOnlyNotice implements Filter {
    static final String ADDED = "<link rel=\"stylesheet\" href=\"/assets/ui-readonly.css\">\n"
            + "    <script src=\"/assets/ui-readonly.js\" defer></script>\n  </head>";

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        String path = http.getRequestURI().substring(http.getContextPath().length());
        if (!"GET".equals(http.getMethod()) || !(path.equals("/ui/") || path.equals("/ui/index.html"))) {
            chain.doFilter(req, resp);
            return;
        }
        String page;
        try (InputStream in = UiReadOnlyNotice.class.getResourceAsStream("/webapp/index.html")) {
            if (in == null) {
                chain.doFilter(req, resp);
                return;
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpServletResponse out = (HttpServletResponse) resp;
        out.setContentType("text/html;charset=utf-8");
        out.setHeader("Cache-Control", "no-cache");
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.getWriter().print(page.replace("</head>", ADDED));
    }
}
