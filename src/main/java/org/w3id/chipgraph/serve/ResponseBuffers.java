package org.w3id.chipgraph.serve;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Pools the response buffers Fuseki asks Jetty for.
 *
 * <p>Fuseki sets Jetty's output buffer to 5 MB (so that an error in the first 5 MB of a result
 * can still become an HTTP error status), but Jetty's default buffer pool keeps nothing larger
 * than 64 KB. Every response, {@code /$/ping} included, then allocated and zeroed a new 5 MB
 * direct buffer: measured at 12-13 ms on about half the requests on this machine's class (JFR:
 * {@code Bits.setMemory} under {@code ArrayByteBufferPool.acquire}). A pool whose largest bucket
 * holds the output buffer keeps Fuseki's behaviour and reuses the buffers. Jetty gives a
 * connector its pool when it is made, so each connector is remade with the same factories
 * (HTTP, and TLS with --https-conf), host and port, before the server starts.
 */
final class ResponseBuffers {
    private ResponseBuffers() {}

    /** Largest pooled buffer: above Fuseki's 5 MB output buffer. */
    static final int MAX_POOLED = 8 * 1024 * 1024;

    static void pool(Server jetty) {
        // Linear buckets of 4 KB up to MAX_POOLED; idle memory bounded by Jetty's heuristic (a share of -Xmx).
        ByteBufferPool pool = new ArrayByteBufferPool(0, 4096, MAX_POOLED, -1, 0, 0);
        for (Connector c : jetty.getConnectors()) {
            if (!(c instanceof ServerConnector old))
                continue;
            ServerConnector fresh = new ServerConnector(jetty, old.getExecutor(), old.getScheduler(), pool,
                    old.getAcceptors(), old.getSelectorManager().getSelectorCount(),
                    old.getConnectionFactories().toArray(ConnectionFactory[]::new));
            fresh.setHost(old.getHost());
            fresh.setPort(old.getPort());
            fresh.setIdleTimeout(old.getIdleTimeout());
            fresh.setName(old.getName());
            jetty.removeConnector(old);
            jetty.addConnector(fresh);
        }
    }
}
