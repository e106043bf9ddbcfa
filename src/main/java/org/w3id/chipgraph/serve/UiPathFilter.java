package org.w3id.chipgraph.serve;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


/**
 * The Fuseki UI builds its request URLs from the page's own path, so served at {@code /ui/} it
 * asks for {@code /ui/$/server}, {@code /ui/$/ping}, {@code /ui/chipgraph/sparql} and so on.
 * Those are sent on, by a 307 redirect (which keeps the method and body), to the real
 * {@code /$/...} and {@code /chipgraph/...}, where the read-only filter and the endpoints see
 * them as any other request. The filter does nothing else.
 */
final class UiPathFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        String path = http.getRequestURI().substring(http.getContextPath().length());
        if (path.startsWith("/ui/$/") || path.startsWith("/ui" + ServerOptions.DATASET + "/") || path.equals("/ui" + ServerOptions.DATASET)) {
            String target = http.getContextPath() + path.substring("/ui".length());
            if (http.getQueryString() != null)
                target += "?" + http.getQueryString();
            HttpServletResponse out = (HttpServletResponse) resp;
            out.setStatus(307);
            out.setHeader("Location", target);
            return;
        }
        chain.doFilter(req, resp);
    }
}
