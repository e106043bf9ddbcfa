package org.w3id.chipgraph.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;

/** The statistics agree with counts taken directly from the dataset. */
class GraphStatisticsTest {
    @Test
    void countsPerGraphAndAssertedVersusInferredMatchTheStore() {
        var dsg = TestGraph.dataset();
        GraphStatistics.Stats s = GraphStatistics.compute(dsg);
        long quads = Txn.calculateRead(dsg, () -> dsg.stream().count());
        long inferred = Txn.calculateRead(dsg, () -> dsg.getGraph(Chipgraph.GRAPH_INFERRED).size());
        assertEquals(quads, s.asserted() + s.inferred());
        assertEquals(inferred, s.inferred());
        Map<String, Long> perGraph = s.graphs().stream().collect(Collectors.toMap(GraphStatistics.GraphCount::graph, GraphStatistics.GraphCount::triples));
        assertEquals((long) Txn.calculateRead(dsg, () -> dsg.getGraph(Chipgraph.GRAPH_ONTOLOGY).size()), perGraph.get(Chipgraph.GRAPH_ONTOLOGY.getURI()));
    }

    @Test
    void classCountsSeparateAssertedTypesFromInferredOnes() {
        var byClass = GraphStatistics.compute(TestGraph.dataset()).classes().stream()
                .collect(Collectors.toMap(GraphStatistics.ClassCount::classIri, c -> c));
        var org = byClass.get(Chipgraph.NS + "Organization");
        var foundry = byClass.get(Chipgraph.NS + "Foundry");
        // Every foundry is an organization by inference; nothing is typed plain cg:Organization in the data.
        assertTrue(foundry.asserted() >= 2, "TSMC and SMIC at least");
        assertTrue(org.withInference() > foundry.withInference());
        assertTrue(org.withInference() > org.asserted());
    }
}
