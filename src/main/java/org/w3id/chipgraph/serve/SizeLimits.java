package org.w3id.chipgraph.serve;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.query.ARQ;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The request and response size limits, set in Jetty in front of every route (see {@link ResourceLimits}):
 * every request body is read whole before a route sees it, and one past {@code maxBodyBytes} is
 * answered 413 once it has been read (see {@link ReadBodyFirst}: a refusal sent while the body is
 * still coming may be lost to a reset); a response stops at {@code maxResponseBytes}; request
 * headers, the URI with its query string included, are capped at {@link ResourceLimits#MAX_HEADER_BYTES}
 * (Fuseki sets 512 KB). A response cut after it was committed aborts the connection (see
 * {@link FailWhenAWriteFailed}), so that no client takes the cut body for a whole answer.
 */
final class SizeLimits {
    private SizeLimits() {}

    static void install(Server jetty, ResourceLimits limits) {
        for (Connector c : jetty.getConnectors())
            for (ConnectionFactory f : c.getConnectionFactories())
                if (f instanceof HttpConfiguration.ConnectionFactory h)
                    h.getHttpConfiguration().setRequestHeaderSize(ResourceLimits.MAX_HEADER_BYTES);
        // Request bodies are capped by ReadBodyFirst, in front (no route sees a body past the cap); this handler caps responses.
        SizeLimitHandler limit = new SizeLimitHandler(-1, limits.maxResponseBytes());
        limit.setHandler(new FailWhenAWriteFailed(jetty.getHandler()));
        jetty.setHandler(new ReadBodyFirst(limits.maxBodyBytes(), limit));
    }

    /**
     * SizeLimitHandler fails the write that passes the cap, but a servlet (Fuseki's SPARQL
     * endpoint) may catch that, return normally and succeed the handler callback; Jetty then ends
     * the response itself (the terminating chunk, bypassing the limit) and a cut body looks whole.
     * Failing the handler callback instead makes Jetty abort a committed response (the connection
     * closes before the end of the body) or send an error if nothing was committed yet.
     */
    static final class FailWhenAWriteFailed extends Handler.Wrapper {
        FailWhenAWriteFailed(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            AtomicReference<Throwable> writeFailure = new AtomicReference<>();
            Response watched = new Response.Wrapper(request, response) {
                @Override
                public void write(boolean last, ByteBuffer content, Callback written) {
                    super.write(last, content, new Callback.Nested(written) {
                        @Override
                        public void failed(Throwable x) {
                            // recorded before the writer is woken, which may then succeed the handler callback
                            writeFailure.compareAndSet(null, x);
                            super.failed(x);
                        }
                    });
                }
            };
            Callback done = new Callback.Nested(callback) {
                @Override
                public void succeeded() {
                    Throwable failure = writeFailure.get();
                    if (failure == null)
                        super.succeeded();
                    else
                        super.failed(failure);
                }
            };
            return super.handle(request, watched, done);
        }
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
