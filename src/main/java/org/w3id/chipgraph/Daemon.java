package org.w3id.chipgraph;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Work in the background on its own daemon thread (nothing waits for it at exit), as a future. */
public final class Daemon {
    private Daemon() {}

    /** Runs {@code work} on a new daemon thread named {@code name}, started now. */
    public static Thread start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Runs {@code work} on a new daemon thread named {@code name}; the future completes with its result or its failure. */
    public static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }
}
