package org.w3id.chipgraph.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /$/reload}: serve the version the loader last published now, instead of at the next
 * poll of the pointer. It changes no data (the loader is the only writer); it needs an HTTP Basic
 * login from the admin password file, and without one configured it does not exist (404).
 * Answers JSON: {@code {"served": "v-...", "switched": true|false}}.
 */
public final class ReloadServlet extends HttpServlet {
    public static final String PATH = "/$/reload";
    /** The servlet context attribute under which {@code serve} puts its {@link StoreFollower}. */
    public static final String FOLLOWER = StoreFollower.class.getName();
    static final String REALM = "chipgraph admin";
    private static final Logger LOG = LoggerFactory.getLogger("org.w3id.chipgraph.admin");

    private final AdminCredentials credentials;

    ReloadServlet(AdminCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (credentials == null) {
            text(resp, HttpServletResponse.SC_NOT_FOUND,
                    "The reload trigger is not enabled: start serve with --admin-password-file FILE");
            return;
        }
        if (!"POST".equals(req.getMethod())) {
            resp.setHeader("Allow", "POST");
            text(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Use POST " + PATH);
            return;
        }
        String user = authenticatedUser(req);
        if (user == null) {
            LOG.warn("Reload refused: no or wrong credentials from {}", req.getRemoteAddr());
            resp.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            text(resp, HttpServletResponse.SC_UNAUTHORIZED, "Reload needs an admin login (HTTP Basic)");
            return;
        }
        Object follower = getServletContext().getAttribute(FOLLOWER);
        if (!(follower instanceof StoreFollower f)) {
            text(resp, HttpServletResponse.SC_CONFLICT, "This server serves an in-memory load (--mem): there is no store to follow");
            return;
        }
        try {
            boolean switched = f.switchToPublished();
            LOG.info("Reload by '{}' from {}: serving {}{}", user, req.getRemoteAddr(), f.servedVersion(), switched ? " (switched)" : " (unchanged)");
            JsonObject json = new JsonObject();
            json.put("served", f.servedVersion());
            json.put("switched", switched);
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType("application/json;charset=utf-8");
            resp.getWriter().println(json);
        } catch (RuntimeException e) {
            LOG.warn("Reload failed: {}", e.getMessage());
            text(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Could not switch to the published version: " + e.getMessage());
        }
    }

    /** The user of a valid {@code Authorization: Basic} header, or null. */
    private String authenticatedUser(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6))
            return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0)
            return null;
        String user = decoded.substring(0, colon);
        return credentials.check(user, decoded.substring(colon + 1)) ? user : null;
    }

    private static void text(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().println(message);
    }
}
