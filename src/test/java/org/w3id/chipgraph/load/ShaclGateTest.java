package org.w3id.chipgraph.load;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/** The gate skips the shapes that can only warn, and only those. */
class ShaclGateTest {
    static final String CGSH = "https://w3id.org/chipgraph/shapes#";

    static boolean hasTargets(Graph g, String shape) {
        return g.contains(NodeFactory.createURI(CGSH + shape), SHACL.targetClass, Node.ANY);
    }

    @Test
    void warningOnlyShapesLoseTheirTargetsAndNoOtherDoes() {
        Graph shapes = RDFParser.source(TestGraph.PROJECT.resolve("ontology/shapes.ttl")).toGraph();
        Graph gate = ShaclGate.withoutWarningTargets(shapes);
        // Warning on the node shape and on its one property shape: nothing it finds can fail a load.
        assertTrue(hasTargets(shapes, "KoreanLabelShape"));
        assertFalse(hasTargets(gate, "KoreanLabelShape"));
        // Warning on the node shape only: its property shape's minCount is still a violation.
        assertTrue(hasTargets(gate, "AgencyShape"));
        assertTrue(hasTargets(gate, "EnglishLabelShape"));
        int koreanTargets = shapes.find(NodeFactory.createURI(CGSH + "KoreanLabelShape"), SHACL.targetClass, Node.ANY).toList().size();
        assertEquals(11, koreanTargets, "the Korean-label shape targets the register's eleven classes");
        assertEquals(shapes.size() - koreanTargets, gate.size(), "nothing but those target triples is removed");
    }
}
