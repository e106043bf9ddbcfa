package org.w3id.chipgraph.reason;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.PackagingFixture;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * Issue 13 §1: "a product relies on its ... packaging suppliers", and its designer through it
 * (cg:packagedBy, cg:reliesOnPackagingSupplier = designerOf o packagedBy), on a made-up chip
 * TSMC packages (the facts name no packager of a real chip).
 */
class PackagingSupplierTest {
    static final String DESIGNER = Chipgraph.ID + "test-packaging-designer";

    @Test
    void designerDependenciesQueryShowsThePackagingSupplierEdge() throws Exception {
        DatasetGraph dsg = PackagingFixture.dataset();
        String text = Files.readString(TestGraph.PROJECT.resolve("queries/designer-dependencies.rq"));
        RowSetRewindable rows = QueryRunner.select(dsg, QueryFactory.create(text),
                Map.of(Var.alloc("designer"), NodeFactory.createURI(DESIGNER)));
        List<String> got = new ArrayList<>();
        rows.forEachRemaining(b -> got.add(b.get(Var.alloc("dependency")).getLiteralLexicalForm() + " | "
                + (b.contains(Var.alloc("directEdge")) ? b.get(Var.alloc("directEdge")).getLiteralLexicalForm() : "")));
        assertTrue(got.contains("TSMC | relies on packaging supplier"), got.toString());
        assertFalse(got.stream().anyMatch(r -> r.startsWith("Test packaged chip")), "a designer does not rely on its own chip: " + got);
    }

    @Test
    void packagingSuppliersQueryNamesTheChipAndItsDesigner() throws Exception {
        DatasetGraph dsg = PackagingFixture.dataset();
        String text = Files.readString(TestGraph.PROJECT.resolve("queries/packaging-suppliers.rq"));
        RowSetRewindable rows = QueryRunner.select(dsg, QueryFactory.create(text), Map.of());
        List<String> got = new ArrayList<>();
        rows.forEachRemaining(b -> got.add(b.get(Var.alloc("packager")).getLiteralLexicalForm() + " | "
                + b.get(Var.alloc("chip")).getLiteralLexicalForm() + " | " + b.get(Var.alloc("designer")).getLiteralLexicalForm()));
        assertEquals(List.of("TSMC | Test packaged chip | Test packaging designer"), got);
    }

    @Test
    void theChipAndItsDesignerLoseTheirPackagerInImpact() {
        DatasetGraph dsg = PackagingFixture.dataset();
        var reports = new DependencyReports(q -> QueryRunner.select(dsg, q, Map.of()));
        Reports.Impact impact = reports.impact(List.of("tsmc"), null);
        List<String> affected = new ArrayList<>();
        impact.losesEveryPath().forEach(a -> affected.add(a.entity().label()));
        impact.losesSomePaths().forEach(a -> affected.add(a.entity().label()));
        assertTrue(affected.contains("Test packaged chip") && affected.contains("Test packaging designer"), affected.toString());
    }
}
