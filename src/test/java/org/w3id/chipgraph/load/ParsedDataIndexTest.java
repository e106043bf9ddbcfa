package org.w3id.chipgraph.load;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/**
 * The parsed data is held without indexes while the files are parsed and indexed once after:
 * every lookup then answers as Jena's default in-memory dataset holding the same quads, and a
 * graph a stage adds later is indexed as it is made.
 */
class ParsedDataIndexTest {
    @Test
    void lookupsAfterIndexingAnswerAsJenasDefaultDatasetDoes() {
        lookupsAnswerAsJenasDefaultDataset(100_000);   // the curated graphs are small: indexed side by side
    }

    @Test
    void lookupsAfterIndexingEachGraphOnAllCoresAnswerTheSame() {
        lookupsAnswerAsJenasDefaultDataset(1);   // every graph counts as large: its own parallel build
    }

    private void lookupsAnswerAsJenasDefaultDataset(int largeGraph) {
        ParsedInputs in = new InputParser(InputFiles.in(TestGraph.PROJECT)).parseAll();
        DatasetGraph reference = DatasetGraphFactory.createGeneral();
        in.data().find().forEachRemaining(reference::add);   // reading every quad needs no index
        assertFalse(in.dataIndexed(), "the graphs are flat sets while parsing and until indexData()");
        long quads = in.data().stream().count();
        assertTrue(quads > 1_000 && reference.stream().count() == quads, quads + " quads parsed, " + reference.stream().count() + " copied");

        in.indexData(largeGraph);
        assertTrue(in.dataIndexed());
        int lookups = 0;
        Set<Node> subjectsSeen = new HashSet<>(), objectsSeen = new HashSet<>();
        for (Quad q : (Iterable<Quad>) reference.stream()::iterator) {
            Node g = q.getGraph(), s = q.getSubject(), p = q.getPredicate(), o = q.getObject();
            if (subjectsSeen.add(s)) {
                assertSameAnswers(reference, in.data(), g, s, Node.ANY, Node.ANY);
                assertSameAnswers(reference, in.data(), Node.ANY, s, p, Node.ANY);
                lookups += 2;
            }
            if (objectsSeen.add(o)) {
                assertSameAnswers(reference, in.data(), g, Node.ANY, Node.ANY, o);
                assertSameAnswers(reference, in.data(), Node.ANY, Node.ANY, p, o);
                lookups += 2;
            }
        }
        assertTrue(lookups > 1_000, lookups + " lookups");
    }

    @Test
    void aGraphAddedAfterIndexingIsIndexedAsItIsMade() {
        ParsedInputs in = new InputParser(InputFiles.in(TestGraph.PROJECT)).parseAll();
        in.indexData();
        Graph stage = GraphFactory.createDefaultGraph();
        Node s = NodeFactory.createURI("https://w3id.org/chipgraph/id/StageThing"), p = NodeFactory.createURI("http://example.org/p");
        stage.add(s, p, NodeFactory.createLiteralString("x"));
        Node name = NodeFactory.createURI("https://w3id.org/chipgraph/graph/a-stage");
        in.addGraph(name, stage, Map.of(), "stage.csv");
        assertTrue(in.dataIndexed(), "a stage's graph, made after indexData(), keeps its index as it grows");
        assertEquals(1, in.data().stream(name, s, p, Node.ANY).count());
        assertEquals("stage.csv", in.fileOf(s));
    }

    private static void assertSameAnswers(DatasetGraph expected, DatasetGraph actual, Node g, Node s, Node p, Node o) {
        Set<Quad> want = new HashSet<>(), got = new HashSet<>();
        expected.find(g, s, p, o).forEachRemaining(want::add);
        actual.find(g, s, p, o).forEachRemaining(got::add);
        assertEquals(want, got, "lookup " + g + " " + s + " " + p + " " + o);
    }
}
