package org.w3id.chipgraph.query;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;

/**
 * Why a call to another server failed, in words a user can act on: the host name does not
 * resolve (offline, or DNS), nothing listens there, it timed out, or it answered with an HTTP
 * error status. Jena's own message for these is often just "POST URL".
 */
public final class RemoteFailure extends RuntimeException {
    private RemoteFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception saying "{@code what} (URL) failed: reason". */
    public static RemoteFailure of(String what, String url, Throwable e) {
        return new RemoteFailure(what + " " + url + " failed: " + reason(url, e), e);
    }

    /** The reason alone, from the exception's cause chain. */
    public static String reason(String url, Throwable e) {
        String host = hostOf(url);
        // The JDK's client wraps a failed name lookup in a ConnectException: look for it first.
        if (has(e, UnknownHostException.class) || has(e, UnresolvedAddressException.class))
            return "cannot resolve the host name '" + URI.create(url).getHost() + "' (offline, or a DNS problem)";
        if (has(e, HttpConnectTimeoutException.class))
            return "timed out connecting to " + host + " (offline, or a firewall)";
        Throwable timeout = find(e, HttpTimeoutException.class);
        if (timeout == null)
            timeout = find(e, SocketTimeoutException.class);
        if (timeout != null)
            return "timed out waiting for the answer (" + timeout.getMessage() + ")";
        Throwable connect = find(e, ConnectException.class);
        if (connect == null)
            connect = find(e, NoRouteToHostException.class);
        if (connect != null)
            return "cannot connect to " + host + ": " + (connect.getMessage() == null ? "connection refused" : connect.getMessage())
                    + " (is the server running? offline?)";
        for (Throwable t = e; t != null; t = t.getCause()) {
            int status = t instanceof QueryExceptionHTTP q ? q.getStatusCode() : t instanceof HttpException h ? h.getStatusCode() : -1;
            if (status > 0)
                return "HTTP " + status + statusText(t) + body(t);
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (type.isInstance(t))
                return t;
        return null;
    }

    private static String statusText(Throwable t) {
        String line = t instanceof QueryExceptionHTTP q ? q.getStatusLine() : ((HttpException) t).getStatusLine();
        return line == null || line.isBlank() || line.matches("\\d+") ? "" : " " + line;
    }

    /** The first line of what the server said, if it said anything. */
    private static String body(Throwable t) {
        String b = t instanceof QueryExceptionHTTP q ? q.getResponse() : ((HttpException) t).getResponse();
        if (b == null || b.isBlank())
            return "";
        String first = b.strip().lines().findFirst().orElse("");
        return ": " + (first.length() > 200 ? first.substring(0, 200) + "…" : first);
    }

    static String hostOf(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() == null ? url : u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            // Not a URI we can take apart: the message names the URL as given instead.
            return url;
        }
    }
}
