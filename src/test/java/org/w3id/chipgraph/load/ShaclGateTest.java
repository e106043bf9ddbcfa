package org.w3id.chipgraph.load;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/**
 * The gate skips the shapes that can only warn, and only those; it validates in bounded batches
 * of focus nodes and finds exactly what Jena's whole-graph validation finds.
 */
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

    /** A violation as a comparable line: shape, focus node, path, value and message. */
    static String line(ReportEntry e) {
        return e.source() + " | " + e.focusNode() + " | " + e.resultPath() + " | " + e.value() + " | " + e.message();
    }

    static List<String> jenaViolations(Shapes shapes, Graph data) {
        List<String> out = new ArrayList<>();
        for (ReportEntry e : ShaclValidator.get().validate(shapes, data).getEntries())
            if (e.severity() == null || e.severity().equals(Severity.Violation))
                out.add(line(e));
        return out;
    }

    @Test
    void batchesFindExactlyWhatWholeGraphValidationFinds() {
        Shapes shapes = Shapes.parse(ShaclGate.withoutWarningTargets(RDFParser.source(TestGraph.PROJECT.resolve("ontology/shapes.ttl")).toGraph()));
        // The curated graph with every fifth triple taken away: labels, sources, dates and types go missing.
        Graph data = GraphFactory.createDefaultGraph();
        Graph whole = GraphFactory.createDefaultGraph();
        long[] i = {0};
        Txn.executeRead(TestGraph.dataset(), () -> TestGraph.dataset().find().forEachRemaining(q -> {
            whole.add(q.asTriple());
            if (i[0]++ % 5 != 0) data.add(q.asTriple());
        }));
        List<String> expected = jenaViolations(shapes, data);
        assertTrue(expected.size() > ShaclGate.DESCRIBED, "enough violations to cut the description: " + expected.size());
        for (int batch : new int[] {1, 7, ShaclGate.BATCH}) {
            List<String> all = new ArrayList<>();
            ShaclGate.Violations found = ShaclGate.validateInBatches(shapes, data, batch, e -> {
                all.add(line(e));
                return line(e);
            });
            assertEquals(expected.size(), found.count(), "batch " + batch);
            assertEquals(expected.subList(0, ShaclGate.DESCRIBED), found.described(), "the same first violations, in order, batch " + batch);
            assertEquals(ShaclGate.DESCRIBED, all.size(), "only the described ones are formatted");
        }
        assertEquals(0, ShaclGate.validateInBatches(shapes, whole, 7, ReportEntry::toString).count(),
                "the curated graph itself conforms");
    }

    @Test
    void aReportNeverHoldsMoreThanOneBatch() {
        Graph shapesGraph = RDFParser.fromString("""
                @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
                ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .
                """, Lang.TURTLE).toGraph();
        Graph data = GraphFactory.createDefaultGraph();
        for (int n = 0; n < 1000; n++)
            data.add(NodeFactory.createURI("urn:ex:i" + n), RDF.type.asNode(), NodeFactory.createURI("urn:ex:C"));
        Shapes shapes = Shapes.parse(shapesGraph);
        assertEquals(1000, ShaclValidator.get().validate(shapes, data).getEntries().size(), "Jena's one report holds them all");
        ShaclGate.Violations found = ShaclGate.validateInBatches(shapes, data, 10, ReportEntry::toString);
        assertEquals(1000, found.count(), "every violation counted");
        assertEquals(ShaclGate.DESCRIBED, found.described().size());
        assertEquals(10, found.largestReport(), "one batch's report at a time");
    }
}
