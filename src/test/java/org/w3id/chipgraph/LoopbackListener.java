package org.w3id.chipgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on a free loopback port that counts the connections it receives (and closes
 * them): the target a hostile request tries to make the server fetch. A test asserts it saw none.
 */
public final class LoopbackListener implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    public LoopbackListener() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    // closed
                }
            }
        }, "loopback-listener");
        t.setDaemon(true);
        t.start();
    }

    public int port() { return socket.getLocalPort(); }

    /** http://127.0.0.1:PORT */
    public String url() { return "http://127.0.0.1:" + port(); }

    public int connections() { return connections.get(); }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
