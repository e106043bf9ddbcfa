package org.w3id.chipgraph.serve;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Limits password guessing at the reload trigger:
 * <ul>
 * <li>per client address, after {@value #FREE_FAILURES} failed logins in a row, each further
 *     failure locks the client out for 1 s, then 2, 4 ... up to {@value #MAX_LOCK_SECONDS} s; a
 *     locked-out client is answered 429 with Retry-After, without its password being checked;
 *     a good login clears its record;</li>
 * <li>at most {@value #CONCURRENT_CHECKS} password checks (each a PBKDF2 of some 100 ms) run at once,
 *     so parallel guesses cannot take the server's processors from queries.</li>
 * </ul>
 */
final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int MAX_LOCK_SECONDS = 60;
    static final int CONCURRENT_CHECKS = 2;
    /** Records kept at most; past it, those no longer locked are forgotten. */
    private static final int MAX_CLIENTS = 10_000;

    private record Record(int failures, long lockedUntilNanos) {}

    private final Map<String, Record> clients = new ConcurrentHashMap<>();
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS, true);
    private final LongSupplier clock;

    LoginThrottle() {
        this(System::nanoTime);
    }

    /** With a clock in nanoseconds (tests move it by hand). */
    LoginThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    /** How long this client must still wait before its next try; zero when it may try now. */
    Duration lockedFor(String client) {
        Record r = clients.get(client);
        long left = r == null ? 0 : r.lockedUntilNanos() - clock.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    void failed(String client) {
        if (clients.size() >= MAX_CLIENTS)
            clients.values().removeIf(r -> r.lockedUntilNanos() - clock.getAsLong() <= 0);
        clients.compute(client, (k, r) -> {
            int failures = (r == null ? 0 : r.failures()) + 1;
            long lock = 0;
            if (failures > FREE_FAILURES)
                lock = TimeUnit.SECONDS.toNanos(Math.min(MAX_LOCK_SECONDS, 1L << Math.min(20, failures - FREE_FAILURES - 1)));
            return new Record(failures, clock.getAsLong() + lock);
        });
    }

    void succeeded(String client) {
        clients.remove(client);
    }

    /** Wait up to {@code wait} for a turn to check a password; false if none came (the server is busy). */
    boolean enterCheck(Duration wait) throws InterruptedException {
        return checks.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void exitCheck() {
        checks.release();
    }
}
