package org.w3id.chipgraph.reason;

import org.apache.jena.riot.RIOT;
import org.apache.jena.sys.JenaSubsystemLifecycle;
import org.w3id.chipgraph.NoRemoteDocuments;
import org.w3id.chipgraph.search.SearchFunction;

/**
 * Whenever Jena starts (META-INF/services): registers chipgraph's SPARQL property functions and
 * the optimizer step that answers cg:dependsOn from the index when the closure is not in the store, and
 * makes every JSON-LD parse in the process refuse remote contexts unless its own context says
 * otherwise (the loader gives each parse its own refusing options as well).
 */
public final class ChipgraphSubsystem implements JenaSubsystemLifecycle {
    @Override public void start() {
        DependencyFunctions.register();
        DependsOnFromIndex.install();
        SearchFunction.register();
        NoRemoteDocuments.install(RIOT.getContext());
    }
    @Override public void stop() { }
    /** After ARQ (level 30), which sets up the property function registry. */
    @Override public int level() { return 500; }
}
