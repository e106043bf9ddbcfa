package org.w3id.chipgraph.reason;

import org.w3id.chipgraph.web.ReportJson;
import org.w3id.chipgraph.cli.ReportText;
import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * Explanations, what-if impact and chokepoints on the curated graph, with expected answers
 * from the competency questions R2, R4 and R5 (shared/cq) and the supply-chain facts.
 */
class DependencyReasoningTest {
    static DependencyReports reports;

    @BeforeAll
    static void load() {
        var dsg = TestGraph.dataset();
        reports = new DependencyReports(q -> QueryRunner.select(dsg, q, Map.of()));
    }

    static List<String> labels(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.getAsObject().get("label").getAsString().value()));
        return out;
    }

    @Test
    void deepSeekDependsOnAsmlThroughTheH800AndTsmcWithASourceForEveryEdge() {
        JsonObject r = ReportJson.explain(reports.explain("DeepSeek", "ASML"));
        assertTrue(r.get("dependsOn").getAsBoolean().value());
        JsonArray chains = r.get("chains").getAsArray();
        assertFalse(chains.isEmpty());
        boolean viaH800AndTsmc = false;
        for (var c : chains) {
            JsonArray steps = c.getAsArray();
            assertEquals(Chipgraph.ID + "deepseek", steps.get(0).getAsObject().get("from").getAsString().value());
            assertEquals(Chipgraph.ID + "asml", steps.get(steps.size() - 1).getAsObject().get("to").getAsString().value());
            List<String> through = new ArrayList<>();
            for (var s : steps) {
                JsonObject step = s.getAsObject();
                assertFalse(step.get("sources").getAsArray().isEmpty(), "an edge without a source: " + step);
                through.add(step.get("to").getAsString().value());
            }
            if (through.contains(Chipgraph.ID + "h800") && through.contains(Chipgraph.ID + "tsmc"))
                viaH800AndTsmc = true;
        }
        assertTrue(viaH800AndTsmc, "R2: DeepSeek -> H800 -> TSMC -> ASML: " + chains);
        String text = ReportText.explain(r);
        assertTrue(text.contains("--uses chip--> Nvidia H800") && text.contains("source: DeepSeek-V3 Technical Report"), text);
    }

    @Test
    void entityArgumentsAcceptIrisLocalNamesAndLabelsInAnyLanguage() {
        for (String nvidia : List.of("https://w3id.org/chipgraph/id/nvidia", "nvidia", "id:nvidia", "Nvidia", "엔비디아"))
            assertTrue(ReportJson.explain(reports.explain(nvidia, "TSMC")).get("dependsOn").getAsBoolean().value(), nvidia);
        var e = assertThrows(org.w3id.chipgraph.query.EntityResolver.UnresolvedEntity.class, () -> ReportJson.explain(reports.explain("No Such Company", "TSMC")));
        assertTrue(e.getMessage().contains("No entity named 'No Such Company'"));
    }

    @Test
    void notADependencyGivesNoChain() {
        JsonObject r = ReportJson.explain(reports.explain("ASML", "DeepSeek"));
        assertFalse(r.get("dependsOn").getAsBoolean().value());
        assertTrue(ReportText.explain(r).contains("does not depend on"));
    }

    @Test
    void removingTsmcCutsNvidiaAmdAndTheirUsersButOnlyPartOfHuawei() {
        JsonObject r = ReportJson.impact(reports.impact(List.of("TSMC"), null));
        List<String> every = labels(r.get("losesEveryPath").getAsArray());
        List<String> some = labels(r.get("losesSomePaths").getAsArray());
        for (String x : List.of("Nvidia", "AMD", "DeepSeek", "Nvidia H100", "Nvidia H800", "AMD Instinct MI300X"))
            assertTrue(every.contains(x), x + " loses every path (R4): " + every);
        assertTrue(some.contains("Huawei"), "Huawei keeps SMIC (R4): " + some);
        assertFalse(every.contains("Huawei"));
        assertTrue(some.contains("Huawei Ascend 910B") || some.contains("Huawei Ascend 910C"), some.toString());
    }

    @Test
    void removingAsmlCutsEveryChipOnAnEuvNodeButNotTheN7Chips() {
        JsonObject r = ReportJson.impact(reports.impact(List.of("ASML"), null));
        List<String> every = labels(r.get("losesEveryPath").getAsArray());
        for (String x : List.of("EUV scanner", "TSMC 4N", "TSMC 4NP", "Nvidia H100", "Nvidia H200", "Nvidia H800", "Nvidia H20", "Nvidia B200"))
            assertTrue(every.contains(x), x + " (R4, ASML): " + every);
        for (String x : List.of("Nvidia A100", "Nvidia A800", "TSMC", "TSMC N7"))
            assertFalse(every.contains(x), x + " is on DUV N7 or keeps other processes: " + every);
    }

    @Test
    void asOfLeavesOutWhatDidNotExistYet() {
        List<String> now = labels(ReportJson.impact(reports.impact(List.of("TSMC"), null)).get("losesEveryPath").getAsArray());
        JsonObject r = ReportJson.impact(reports.impact(List.of("TSMC"), LocalDate.parse("2023-01-01")));
        List<String> then = labels(r.get("losesEveryPath").getAsArray());
        assertTrue(now.contains("Nvidia H200") && now.contains("Nvidia B200"));
        // The H200 was announced on 13 Nov 2023 and the B200 on 18 Mar 2024; the H100 was in production in Sep 2022.
        assertFalse(then.contains("Nvidia H200"), then.toString());
        assertFalse(then.contains("Nvidia B200"), then.toString());
        assertTrue(then.contains("Nvidia H100"), then.toString());
        assertTrue(labels(r.get("notYetOrNoLongerPresent").getAsArray()).contains("Nvidia H200"));
        assertFalse(then.contains("DeepSeek"), "DeepSeek's H800 (March 2023) did not exist yet: not a loss caused by removing TSMC");
    }

    @Test
    void aCountrysSupplyIsRemovedWithItsCompanies() {
        JsonObject r = ReportJson.impact(reports.impact(List.of("country:NLD"), null));
        List<String> removed = labels(r.get("removed").getAsArray());
        assertTrue(removed.contains("ASML") && removed.contains("Netherlands"), removed.toString());
        assertTrue(labels(r.get("losesEveryPath").getAsArray()).contains("EUV scanner"));
        assertThrows(IllegalArgumentException.class, () -> ReportJson.impact(reports.impact(List.of("country:XXX"), null)));
    }

    @Test
    void euvScannersAreASoleProviderChokepointAndTsmcAndAsmlRankHighest() {
        JsonObject r = ReportJson.chokepoints(reports.chokepoints(5));
        boolean euv = false;
        for (var v : r.get("soleProviders").getAsArray()) {
            JsonObject o = v.getAsObject();
            if (o.get("input").getAsString().value().equals(Chipgraph.ID + "euv-scanner")
                    && o.get("provider").getAsString().value().equals(Chipgraph.ID + "asml")) {
                euv = true;
                assertEquals(100, o.get("sharePercent").getAsNumber().value().intValue());
                List<String> deps = new ArrayList<>();
                o.get("dependents").getAsArray().forEach(d -> deps.add(d.getAsString().value()));
                assertTrue(deps.containsAll(List.of("TSMC 4N", "Nvidia H100", "Nvidia", "DeepSeek")), deps.toString());
            }
        }
        assertTrue(euv, "R5: EUV scanners, ASML 100 %");
        List<String> top = labels(r.get("ranking").getAsArray());
        assertEquals("TSMC", top.get(0), top.toString());
        assertTrue(top.subList(0, 3).contains("ASML"), top.toString());
    }

    @Test
    void theDependsOnPropertyFunctionGivesTheMaterializedClosure() {
        var dsg = TestGraph.dataset();
        Set<String> materialized = pairs(dsg, "?a cg:dependsOn ?b");
        Set<String> indexed = pairs(dsg, "?a cgf:dependsOn ?b");
        assertFalse(materialized.isEmpty());
        assertEquals(materialized, indexed);
    }

    static Set<String> pairs(org.apache.jena.sparql.core.DatasetGraph dsg, String pattern) {
        String q = Chipgraph.PREFIXES + "PREFIX cgf: <" + DependencyFunctions.NS + ">\nSELECT ?a ?b WHERE { " + pattern
                + " FILTER(STRSTARTS(STR(?a), STR(id:)) && STRSTARTS(STR(?b), STR(id:))) }";
        RowSetRewindable rs = QueryRunner.select(dsg, QueryFactory.create(q), Map.of());
        Set<String> out = new HashSet<>();
        rs.forEachRemaining(b -> out.add(b.get(Var.alloc("a")).getURI() + " " + b.get(Var.alloc("b")).getURI()));
        return out;
    }

    @Test
    void whatIfPropertyFunctionsAnswerInSparql() {
        var dsg = TestGraph.dataset();
        String q = Chipgraph.PREFIXES + "PREFIX cgf: <" + DependencyFunctions.NS + ">\n"
                + "SELECT ?x WHERE { ?x cgf:failsWithout id:tsmc }";
        Set<String> fails = new HashSet<>();
        QueryRunner.select(dsg, QueryFactory.create(q), Map.of()).forEachRemaining(b -> fails.add(b.get(Var.alloc("x")).getURI()));
        assertTrue(fails.contains(Chipgraph.ID + "nvidia") && fails.contains(Chipgraph.ID + "deepseek"));
        assertFalse(fails.contains(Chipgraph.ID + "huawei"));
    }

    @Test
    void theExplanationGraphSaysWhichSourcesADependencyRestsOn() {
        String q = Chipgraph.PREFIXES + """
                SELECT ?title WHERE {
                  GRAPH g:explanations { ?e rdf:reifies <<( id:deepseek cg:dependsOn id:asml )>> ; prov:wasDerivedFrom ?src }
                  ?src dct:title ?title }""";
        List<String> titles = new ArrayList<>();
        QueryRunner.select(TestGraph.dataset(), QueryFactory.create(q), Map.of())
                .forEachRemaining(b -> titles.add(b.get(Var.alloc("title")).getLiteralLexicalForm()));
        assertTrue(titles.contains("DeepSeek-V3 Technical Report"), titles.toString());
    }

    @Test
    void inForceOnFollowsEffectiveAndEndDates() {
        String q = Chipgraph.PREFIXES + "PREFIX cgf: <" + DependencyFunctions.NS + ">\n"
                + "SELECT ?m WHERE { ?m cgf:inForceOn ?day }";
        java.util.function.Function<String, Set<String>> on = day -> {
            Set<String> out = new HashSet<>();
            var query = org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.replaceVars(QueryFactory.create(q),
                    Map.of(Var.alloc("day"), org.apache.jena.graph.NodeFactory.createLiteralDT(day,
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)));
            QueryRunner.select(TestGraph.dataset(), query, Map.of()).forEachRemaining(b -> out.add(b.get(Var.alloc("m")).getURI()));
            return out;
        };
        String oct2022 = Chipgraph.ID + "criterion-3a090-a-2022", oct2023 = Chipgraph.ID + "criterion-3a090-a-1-2023";
        assertFalse(on.apply("2022-01-01").contains(oct2022), "3A090 did not exist yet");
        assertTrue(on.apply("2023-01-01").contains(oct2022));
        assertFalse(on.apply("2023-01-01").contains(oct2023));
        assertFalse(on.apply("2025-06-01").contains(oct2022), "the 2022 test ended on 16 Nov 2023");
        assertTrue(on.apply("2025-06-01").contains(oct2023));
    }
}
