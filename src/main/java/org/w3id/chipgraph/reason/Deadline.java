package org.w3id.chipgraph.reason;

/**
 * A point in time after which a long walk gives up, so that /api/impact and /api/chokepoints
 * keep to the server's query time limit like SPARQL does. Checked every few thousand steps.
 */
public final class Deadline {
    /** Thrown by {@link #check()} once the deadline has passed. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(long limitMillis) {
            this("The analysis took longer than the time limit of " + limitMillis + " ms (the server's query timeout)");
        }

        public Exceeded(String message) {
            super(message);
        }
    }

    public static final Deadline NONE = new Deadline(-1);

    private final long limitMillis, endNanos;
    private int calls;

    private Deadline(long limitMillis) {
        this.limitMillis = limitMillis;
        this.endNanos = limitMillis > 0 ? System.nanoTime() + limitMillis * 1_000_000 : Long.MAX_VALUE;
    }

    /** A deadline {@code millis} from now; zero or negative means none. */
    public static Deadline in(long millis) {
        return millis > 0 ? new Deadline(millis) : NONE;
    }

    public long limitMillis() { return limitMillis; }

    /** Milliseconds left (at least 1 while any), or Long.MAX_VALUE without a deadline. */
    public long remainingMillis() {
        return limitMillis <= 0 ? Long.MAX_VALUE : Math.max(1, (endNanos - System.nanoTime()) / 1_000_000);
    }

    /** Throws {@link Exceeded} when the deadline has passed (reads the clock on the first call, then once in 4096). */
    public void check() {
        if (limitMillis <= 0 || (calls++ & 4095) != 0)
            return;
        if (System.nanoTime() > endNanos)
            throw new Exceeded(limitMillis);
    }
}
