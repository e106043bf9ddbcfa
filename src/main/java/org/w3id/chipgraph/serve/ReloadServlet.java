package org.w3id.chipgraph.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Answers JSON: {@code {"served": "v-...", "switched": true|false}}. Failed logins back off per
 * client, and few password checks run at once ({@link LoginThrottle}).
 */
public final class ReloadServlet extends HttpServlet {
    public static final String PATH = "/$/reload";
    /** The servlet context attribute under which {@code serve} puts its {@link StoreFollower}. */
    public static final String FOLLOWER = StoreFollower.class.getName();
    static final String REALM = "chipgraph admin";
    private static final Logger LOG = LoggerFactory.getLogger("org.w3id.chipgraph.admin");

    /** How long a login waits for a turn to be checked before the server answers 503. */
    private static final Duration CHECK_WAIT = Duration.ofSeconds(5);

    private final AdminCredentials credentials;
    private final LoginThrottle throttle = new LoginThrottle();

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
        String user = login(req, resp);
        if (user == null)
            return;   // answered 401, 429 or 503
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

    /**
     * The user of a good login, or null once the request has been answered: 429 while the client
     * is locked out after failed logins, 503 when too many checks are running, else 401.
     */
    private String login(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String client = req.getRemoteAddr();
        Duration locked = throttle.lockedFor(client);
        if (!locked.isZero()) {
            long seconds = Math.max(1, (locked.toMillis() + 999) / 1000);
            resp.setHeader("Retry-After", Long.toString(seconds));
            text(resp, 429, "Too many failed logins from " + client + ": try again in " + seconds + " s");
            return null;
        }
        String[] given = credentialsOf(req);
        String user = given == null ? null : checkThrottled(given[0], given[1], resp);
        if (resp.isCommitted())
            return null;
        if (user != null) {
            throttle.succeeded(client);
            return user;
        }
        if (given != null)
            throttle.failed(client);
        LOG.warn("Reload refused: no or wrong credentials from {}", client);
        resp.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        text(resp, HttpServletResponse.SC_UNAUTHORIZED, "Reload needs an admin login (HTTP Basic)");
        return null;
    }

    /** User and password of an {@code Authorization: Basic} header, or null when there is none or it is malformed. */
    private static String[] credentialsOf(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6))
            return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // not Base64: no credentials, answered 401 like a missing header
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    /** The user if the password is right, else null; answers 503 itself when too many checks are already running. */
    private String checkThrottled(String user, String password, HttpServletResponse resp) throws IOException {
        try {
            if (!throttle.enterCheck(CHECK_WAIT)) {
                resp.setHeader("Retry-After", "1");
                text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Too many logins being checked: try again");
                resp.flushBuffer();
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping: no login, and keep the interrupt
            return null;
        }
        try {
            return credentials.check(user, password) ? user : null;
        } finally {
            throttle.exitCheck();
        }
    }

    private static void text(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().println(message);
    }
}
