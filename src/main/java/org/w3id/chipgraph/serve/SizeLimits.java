package org.w3id.chipgraph.serve;

import org.apache.jena.query.ARQ;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * The request and response size limits, set in Jetty in front of every route (see {@link ResourceLimits}):
 * a body past {@code maxBodyBytes} is answered 413 (by its Content-Length before it is read, or
 * as soon as that many bytes have come); a response stops at {@code maxResponseBytes}; request
 * headers, the URI with its query string included, are capped at {@link ResourceLimits#MAX_HEADER_BYTES}
 * (Fuseki sets 512 KB).
 */
final class SizeLimits {
    private SizeLimits() {}

    static void install(Server jetty, ResourceLimits limits) {
        for (Connector c : jetty.getConnectors())
            for (ConnectionFactory f : c.getConnectionFactories())
                if (f instanceof HttpConfiguration.ConnectionFactory h)
                    h.getHttpConfiguration().setRequestHeaderSize(ResourceLimits.MAX_HEADER_BYTES);
        SizeLimitHandler limit = new SizeLimitHandler(limits.maxBodyBytes(), limits.maxResponseBytes());
        limit.setHandler(jetty.getHandler());
        jetty.setHandler(limit);
    }

    /**
     * ARQ sorts a capped ORDER BY (ORDER BY with a LIMIT the row cap set) by keeping only the top N
     * rows, but only below a threshold, 1000 by default; above it, it sorts every row first and a
     * cross product fills the heap. Raise it (JVM-wide: ARQ reads it from its global context) so
     * that every LIMIT up to the row cap keeps only its N rows.
     */
    static void topNUpTo(long maxRows) {
        Object current = ARQ.getContext().get(ARQ.topNSortingThreshold);
        long have = current instanceof Number n ? n.longValue() : 0;
        long want = Math.min(Integer.MAX_VALUE, maxRows + 1);
        if (have < want)
            ARQ.getContext().set(ARQ.topNSortingThreshold, (int) want);
    }
}
