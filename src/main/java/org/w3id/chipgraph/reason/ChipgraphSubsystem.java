package org.w3id.chipgraph.reason;

import org.apache.jena.sys.JenaSubsystemLifecycle;

/** Registers chipgraph's SPARQL property functions whenever Jena starts (META-INF/services). */
public final class ChipgraphSubsystem implements JenaSubsystemLifecycle {
    @Override public void start() { DependencyFunctions.register(); org.w3id.chipgraph.search.SearchFunction.register(); }
    @Override public void stop() { }
    /** After ARQ (level 30), which sets up the property function registry. */
    @Override public int level() { return 500; }
}
