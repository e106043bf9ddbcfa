package org.w3id.chipgraph.web;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The store version the pages and APIs answer from now. The server wiring sets it when it
 * starts and when it switches versions; each request reads it once and keeps that context to
 * the end, so a request under way finishes on the version it started with.
 */
public final class CurrentStore implements Supplier<StoreContext> {
    private final AtomicReference<StoreContext> current;

    public CurrentStore(DatasetGraph dsg) {
        this.current = new AtomicReference<>(new StoreContext(dsg));
    }

    @Override
    public StoreContext get() { return current.get(); }

    /** Serve another version from now on: the next request gets this context, whole. */
    public void switchTo(StoreContext next) {
        current.set(next);
    }
}
