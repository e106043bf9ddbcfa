package org.w3id.chipgraph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Work in the background on its own daemon thread (nothing waits for it at exit), as a future. */
public final class Daemon {
    private Daemon() {}

    /** Wait for {@code work}'s result; its failure is thrown as it was thrown on its thread (not wrapped). */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re)
                throw re;
            if (e.getCause() instanceof Error er)
                throw er;
            throw e;
        }
    }

    /** Runs {@code work} on a new daemon thread named {@code name}, started now. */
    public static void start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    /** Runs {@code work} on a new daemon thread named {@code name}; the future completes with its result or its failure. */
    public static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        start(name, () -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
