package org.w3id.chipgraph.reason;

import org.w3id.chipgraph.web.ReportJson;
import org.w3id.chipgraph.cli.ReportText;
import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * Dependency semantics by role (issue 13, docs/MODEL.md): users rely on the chips they use,
 * chips on their designer, designers on their products' foundries and suppliers, never on
 * their own products; supply edges dated by a cg:SupplyRelation drop out of what-if analysis
 * as of a date outside them. Expected answers from shared/cq R7, R8 and the facts.
 */
class DependencySemanticsTest {
    static DatasetGraph dsg;
    static DependencyReports reports;

    @BeforeAll
    static void load() {
        dsg = TestGraph.dataset();
        reports = new DependencyReports(q -> QueryRunner.select(dsg, q, Map.of()));
    }

    static Set<String> column(String sparql, String var) {
        RowSetRewindable rows = QueryRunner.select(dsg, QueryFactory.create(Chipgraph.PREFIXES + sparql), Map.of());
        Set<String> out = new TreeSet<>();
        rows.forEachRemaining(b -> out.add(b.get(Var.alloc(var)).getURI()));
        return out;
    }

    static List<String> labels(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.getAsObject().get("label").getAsString().value()));
        return out;
    }

    @Test
    void everyOrganizationUsingOrTrainingOnAnNvidiaChipReliesOnNvidia() {
        // Who uses or trains on an Nvidia chip, read straight from the stated facts (no inference).
        Set<String> users = column("""
                SELECT DISTINCT ?org WHERE {
                  GRAPH ?g1 { ?designer cg:designerOf ?chip } FILTER(?designer = id:nvidia)
                  { GRAPH ?g2 { ?org cg:usesChip ?chip } }
                  UNION { GRAPH ?g3 { ?org cg:developerOf ?m } GRAPH ?g4 { ?m cg:trainedOn ?chip } }
                }""", "org");
        assertTrue(users.containsAll(List.of(Chipgraph.ID + "deepseek", Chipgraph.ID + "bytedance",
                Chipgraph.ID + "alibaba", Chipgraph.ID + "baidu")), users.toString());
        Set<String> reliers = column("SELECT ?org WHERE { ?org cg:dependsOn id:nvidia ; a cg:Organization }", "org");
        assertEquals(users, reliers, "who relies on Nvidia = who uses or trains on its chips");
        Set<String> viaIndex = column("SELECT ?org WHERE { ?org cgf:dependsOn id:nvidia ; a cg:Organization }"
                .replace("SELECT", "PREFIX cgf: <" + DependencyFunctions.NS + ">\nSELECT"), "org");
        assertEquals(users, viaIndex, "the index (cgf:dependsOn) agrees with the materialized closure");
    }

    @Test
    void nvidiaReliesOnTsmcAndItsMemorySuppliersButNotOnItsOwnChips() {
        Set<String> deps = column("SELECT ?x WHERE { id:nvidia cg:dependsOn ?x }", "x");
        assertTrue(deps.containsAll(List.of(Chipgraph.ID + "tsmc", Chipgraph.ID + "sk-hynix", Chipgraph.ID + "micron")), deps.toString());
        for (String own : List.of("h200", "h100", "h800", "v100"))
            assertFalse(deps.contains(Chipgraph.ID + own), "Nvidia must not depend on its own " + own);
        assertFalse(deps.contains(Chipgraph.ID + "nvidia"), "no cycle through its own products");
    }

    @Test
    void explainDeepSeekNvidiaShowsTheH800WithASourceUnderEachEdge() {
        JsonObject r = ReportJson.explain(reports.explain("DeepSeek", "Nvidia"));
        assertTrue(r.get("dependsOn").getAsBoolean().value());
        String text = ReportText.explain(r);
        String expected = """
                  DeepSeek --uses chip--> Nvidia H800
                      source: DeepSeek-V3 Technical Report <https://w3id.org/chipgraph/id/source/deepseek-v3-technical-report>
                """;
        assertTrue(text.contains(expected), text);
        assertTrue(text.contains("  Nvidia H800 --designed by--> Nvidia\n      source: "), text);
        for (var c : r.get("chains").getAsArray())
            for (var s : c.getAsArray())
                assertFalse(s.getAsObject().get("sources").getAsArray().isEmpty(), "an edge without a source: " + s);
    }

    @Test
    void withoutNvidiaItsUsersLoseEveryPathAndBaiduOnlySome() {
        JsonObject r = ReportJson.impact(reports.impact(List.of("nvidia"), null));
        List<String> every = labels(r.get("losesEveryPath").getAsArray());
        List<String> some = labels(r.get("losesSomePaths").getAsArray());
        assertTrue(every.containsAll(List.of("DeepSeek", "ByteDance", "Alibaba", "Nvidia H200", "Nvidia H800")), every.toString());
        // ERNIE 3.0 Titan was trained on Nvidia V100s and Huawei Ascend 910s (Epoch AI).
        assertTrue(some.contains("Baidu"), some.toString());
        assertFalse(every.contains("Baidu"), every.toString());
        assertFalse(every.contains("TSMC") || some.contains("TSMC"), "TSMC does not rely on Nvidia");
    }

    @Test
    void theTsmcSupplyOfTheAscend910EndsInSeptember2020() {
        // Tom's Hardware: TSMC made the Ascend 910's dies on N7+ until it stopped supplying Huawei in Sep 2020.
        List<String> before = labels(ReportJson.impact(reports.impact(List.of("tsmc"), LocalDate.parse("2020-06-01"))).get("losesEveryPath").getAsArray());
        assertTrue(before.contains("Huawei Ascend 910"), before.toString());
        // After it, the chip keeps no die supply of TSMC's: it reaches TSMC only through its
        // designer (Huawei relies on TSMC for the 910B), so it loses some paths, not every one.
        JsonObject after = ReportJson.impact(reports.impact(List.of("tsmc"), LocalDate.parse("2021-01-01")));
        assertFalse(labels(after.get("losesEveryPath").getAsArray()).contains("Huawei Ascend 910"));
        JsonObject explained = ReportJson.explain(reports.explain("Huawei Ascend 910", "TSMC"));
        assertEquals(1, explained.get("chains").getAsArray().get(0).getAsArray().size(), "undated: fabricated by TSMC directly");
        // Whatever the date, the undated graph keeps the edge.
        assertTrue(labels(ReportJson.impact(reports.impact(List.of("tsmc"), null)).get("losesEveryPath").getAsArray()).contains("Huawei Ascend 910"));
    }
}
