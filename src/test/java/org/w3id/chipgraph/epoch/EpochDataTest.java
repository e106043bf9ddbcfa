package org.w3id.chipgraph.epoch;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.search.LabelIndex;

/**
 * The project's own copies of the Epoch AI datasets, loaded as {@code ./chipgraph load} does by
 * default: reconciliation, classification (W1, from the facts of competency-questions.md),
 * search and the load report.
 */
class EpochDataTest {
    static final DatasetGraph DSG = TestGraph.full();
    static final QueryCatalog CATALOG = QueryCatalog.in(TestGraph.PROJECT.resolve("queries"));

    static Map<String, List<String>> w1(String asOf) {
        CatalogQuery q = CATALOG.byName("w1-classification-on-date").orElseThrow();
        RowSetRewindable rows = QueryRunner.select(DSG, q.parse(), QueryRunner.bindings(q, Map.of("asOf", asOf)));
        Map<String, List<String>> out = new HashMap<>();
        rows.forEachRemaining(b -> out.put(b.get("chip").getLiteralLexicalForm(),
                List.of(b.get("status").getLiteralLexicalForm(), b.get("paragraphs").getLiteralLexicalForm())));
        return out;
    }

    @Test
    void w1ClassifiesTheChipsOfTheHardwareDatasetOn20240101() {
        Map<String, List<String>> s = w1("2024-01-01");
        assertTrue(s.get("NVIDIA GeForce RTX 4090").get(1).contains("3A090.a.1"), "RTX 4090, TPP 5,284.8: " + s.get("NVIDIA GeForce RTX 4090"));
        assertEquals(List.of("meets", "3A090.a.2"), s.get("Google TPU v5e"), "TPU v5e: TPP 3,152, density 9.7");
        assertTrue(s.get("Huawei Ascend 910").get(1).contains("3A090.b.1"), "Ascend 910: TPP 4,096, density 3.34");
        assertFalse(s.get("Huawei Ascend 910").get(1).contains("3A090.a"), "Ascend 910 does not meet 3A090.a");
        assertEquals(List.of("neither", ""), s.get("Nvidia H20"), "H20: TPP 2,368, density 2.91");
        // TPP between 1,600 and 4,800 with no die size: undetermined (MTT S4000, TPP 1,600, no die size)
        assertEquals("undetermined", s.get("MTT S4000").get(0));
        assertTrue(s.size() >= 169, "every chip has a status: " + s.size());
    }

    @Test
    void w1OnTheFirstOfJanuary2022NoChipWasUnder3A090() {
        Map<String, List<String>> s = w1("2022-01-01");
        assertTrue(s.values().stream().allMatch(v -> v.get(0).equals("no criterion in force")), s.toString());
    }

    @Test
    void hardwareRowsAreReconciledWithCuratedChipsNeverDuplicated() {
        Txn.executeRead(DSG, () -> {
            assertTrue(has(id("nvidia-h100-pcie"), cg("variantOf"), id("h100")), "H100 PCIe is a variant of the H100");
            assertTrue(has(id("h100"), node("http://www.w3.org/2004/02/skos/core#altLabel"),
                    NodeFactory.createLiteralLang("NVIDIA H100 SXM5 80GB", "en")), "the H100 SXM5 row is the curated H100");
            assertFalse(DSG.contains(Node.ANY, id("nvidia-h100-sxm5-80gb"), Node.ANY, Node.ANY), "no duplicate of the H100");
            assertTrue(has(id("kunlunxin"), cg("designerOf"), id("baidu-kunlun-ii")), "Kunlunxin designs the Kunlun II");
            assertTrue(has(id("moore-threads"), cg("designerOf"), id("mtt-s4000")), "Moore Threads (curated) designs the S4000");
            assertTrue(has(id("deepseek-v3"), cg("trainingHardwareQuantity"), Node.ANY), "DeepSeek-V3 has its 2,048 H800s");
            assertTrue(has(id("pangu-ultra"), cg("trainedOn"), id("ascend-910b")), "Pangu Ultra on the curated Ascend 910B");
            assertTrue(has(id("kunlun-inc"), cg("usesChip"), id("nvidia-a800-pcie-40-gb")), "Kunlun Inc. relies on the A800 PCIe (inferred)");
            assertTrue(has(id("moonshot"), cg("dependsOn"), id("tsmc")), "Moonshot depends on TSMC through the H800 (inferred)");
        });
    }

    @Test
    void aVariantOfACuratedTrainingChipIsNotASecondChip() {
        // ERNIE 3.0 Titan: the curated data says V100 and Ascend 910; Epoch's row says "NVIDIA Tesla
        // V100 DGXS 32 GB", a GV100 card (815 mm2), which the mapping makes a variant of the V100.
        Txn.executeRead(DSG, () -> {
            assertTrue(has(id("nvidia-tesla-v100-dgxs-32-gb"), cg("variantOf"), id("v100")), "the DGXS 32 GB is a V100 variant");
            List<Node> chips = new ArrayList<>();
            DSG.find(Node.ANY, id("ernie-3-titan"), cg("trainedOn"), Node.ANY).forEachRemaining(q -> chips.add(q.getObject()));
            assertEquals(Set.of(id("v100"), id("ascend-910")), new HashSet<>(chips),
                    "ERNIE 3.0 Titan is trained on two chips, not three: " + chips);
        });
        assertTrue(TestGraph.fullLoadLog().contains("ERNIE 3.0 Titan: NVIDIA Tesla V100 DGXS 32 GB"), "the load report says so");
    }

    @Test
    void newChipsModelsAndOrganizationsAreFoundBySearch() {
        LabelIndex index = LabelIndex.build(DSG);
        for (String[] q : new String[][] {{"Biren BR100", "biren-br100"}, {"Kimi K2", "kimi-k2"}, {"Moonshot", "moonshot"},
                {"月之暗面", "moonshot"}, {"Peng Cheng Laboratory", "peng-cheng-laboratory"}, {"NVIDIA H100 SXM5 80GB", "h100"}}) {
            List<LabelIndex.Hit> hits = index.search(q[0], 3);
            assertFalse(hits.isEmpty(), q[0]);
            assertEquals(Chipgraph.ID + q[1], hits.get(0).iri(), q[0]);
        }
    }

    @Test
    void theLoadReportListsTheUnresolvedHardwareNames() {
        String log = TestGraph.fullLoadLog();
        // 11 names of chips absent from ml_hardware.csv (older GeForce and Tesla cards, Cerebras CS-2)
        assertTrue(log.contains("training-hardware names resolved to no chip (11 names, 17 mentions"), log);
        assertTrue(log.contains("  NVIDIA Tesla K40c (4)"), log);
    }

    static boolean has(Node s, Node p, Node o) {
        return DSG.contains(Node.ANY, s, p, o) || DSG.getDefaultGraph().contains(s, p, o);
    }

    static Node id(String local) { return node(Chipgraph.ID + local); }
    static Node cg(String local) { return node(Chipgraph.NS + local); }
    static Node node(String iri) { return NodeFactory.createURI(iri); }
}
