package org.w3id.chipgraph.load;

import java.util.Map;

/** What a load did: triples per graph, inferred count, the version published and the time taken. */
public record LoadReport(String version, Map<String, Long> triplesPerGraph, long asserted, long inferred,
                         Map<String, Long> inferredPerRule, long millis) {

    public long total() { return asserted + inferred; }
}
