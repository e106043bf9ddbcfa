package org.w3id.chipgraph.serve;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Headers on every response, set before anything answers (errors and redirects included), so a
 * page that ever echoed markup by mistake still could not run it:
 * <ul>
 * <li>{@value #CSP}: scripts only from this server (no inline script, no {@code eval}), no
 *     plugins, no framing, no {@code <base>} elsewhere. Inline styles are allowed: the Fuseki UI
 *     (Vue) and Cytoscape.js set them.</li>
 * <li>{@code X-Content-Type-Options: nosniff}: a text/plain or JSON answer is never run as script.</li>
 * <li>{@code X-Frame-Options: DENY} for browsers older than {@code frame-ancestors}.</li>
 * <li>{@code Referrer-Policy: same-origin}: a query in a URL is not sent to other sites.</li>
 * </ul>
 */
public final class SecurityHeadersFilter implements Filter {
    private static final String[][] HEADERS = {
            {"Content-Security-Policy", null}, {"X-Content-Type-Options", "nosniff"},
            {"X-Frame-Options", "DENY"}, {"Referrer-Policy", "same-origin"}};

    static final String CSP = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none';"
            + " base-uri 'self'; form-action 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse out = (HttpServletResponse) resp;
        for (String[] h : HEADERS)
            out.setHeader(h[0], h[1] == null ? CSP : h[1]);
        chain.doFilter(req, resp);
    }

    /**
     * The same headers on the error pages Jetty writes itself, before any filter runs (a URI it
     * refuses as ambiguous, a bad request line), which come from the server's error handler; and
     * {@code Connection: close} on those of them after which the server closes the connection.
     */
    static void install(Server jetty) {
        ErrorHandler errors = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                for (String[] h : HEADERS)
                    response.getHeaders().put(h[0], h[1] == null ? CSP : h[1]);
                // A request Jetty could not parse (a URI or headers past the cap: 414, 431, 400) ends
                // the connection, but its answer did not say so; a client then reused the closed
                // connection and its next request failed ("header parser received no bytes").
                if (!request.getConnectionMetaData().isPersistent())
                    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                return super.handle(request, response, callback);
            }
        };
        errors.setShowStacks(false);
        jetty.setErrorHandler(errors);
    }
}
