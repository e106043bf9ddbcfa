package org.w3id.chipgraph;

import java.util.function.Supplier;

/**
 * A value built on first use and then kept, built at most once even when several threads ask
 * at the same time. Each memo has its own lock, so building one index does not hold up another.
 */
public final class Memo<T> implements Supplier<T> {
    private final Supplier<T> build;
    private volatile T value;

    public Memo(Supplier<T> build) {
        this.build = build;
    }

    @Override
    public T get() {
        T v = value;
        if (v != null)
            return v;
        synchronized (this) {
            if (value == null)
                value = build.get();
            return value;
        }
    }

    /** Whether the value has been built. */
    public boolean isBuilt() {
        return value != null;
    }
}
