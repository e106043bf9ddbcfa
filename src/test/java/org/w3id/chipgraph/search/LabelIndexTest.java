package org.w3id.chipgraph.search;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.chipgraph.TestGraph;

/**
 * The label index over the project's own graph. The expected entities are written here from
 * data/register.trig (by reading it, not by asking the index): each name, in Korean, Chinese
 * or English, whole or its beginning, must bring its entity first.
 */
class LabelIndexTest {
    static final String ID = "https://w3id.org/chipgraph/id/";
    private static LabelIndex index;

    /** The curated graph's index, built once for these tests (the server keeps one per store version: StoreContextTest). */
    static synchronized LabelIndex index() {
        if (index == null)
            index = LabelIndex.build(TestGraph.dataset());
        return index;
    }

    static Stream<Arguments> names() {
        return Stream.of(
                // Korean
                Arguments.of("엔비디아", "nvidia"),
                Arguments.of("엔비", "nvidia"),                  // prefix
                Arguments.of("화웨이", "huawei"),
                Arguments.of("딥시크", "deepseek"),
                Arguments.of("젠슨 황", "jensen-huang"),
                Arguments.of("도널드 트럼프", "donald-trump"),
                Arguments.of("산업안보국", "bis"),
                Arguments.of("캠브리콘", "cambricon"),
                Arguments.of("삼성전자", "samsung-electronics"),
                Arguments.of("클라우드매트릭스", "cloudmatrix-384"),  // prefix of the altLabel 클라우드매트릭스 384
                Arguments.of("갈륨", "gallium"),
                // Chinese
                Arguments.of("英伟达", "nvidia"),
                Arguments.of("华为", "huawei"),
                Arguments.of("台积电", "tsmc"),
                Arguments.of("中芯国际", "smic"),
                Arguments.of("寒武纪", "cambricon"),
                Arguments.of("深度求索", "deepseek"),
                Arguments.of("黄仁勋", "jensen-huang"),
                Arguments.of("昇腾910C", "ascend-910c"),
                Arguments.of("商务部", "mofcom"),
                Arguments.of("镓", "gallium"),                    // one character
                // English, any case
                Arguments.of("Nvidia", "nvidia"),
                Arguments.of("nvidia", "nvidia"),
                Arguments.of("H200", "h200"),
                Arguments.of("h200", "h200"),
                Arguments.of("BIS", "bis"),
                Arguments.of("TSMC", "tsmc"),
                Arguments.of("SK hynix", "sk-hynix"),
                Arguments.of("ASML", "asml"),
                Arguments.of("CloudMatrix 384", "cloudmatrix-384"),
                Arguments.of("DeepSeek-V3", "deepseek-v3"),
                Arguments.of("Jensen", "jensen-huang"),           // prefix
                Arguments.of("Cambr", "cambricon"),               // prefix
                Arguments.of("Bureau of Industry", "bis"),        // prefix of the label
                Arguments.of("3A090.a", "eccn-3a090-a"));
    }

    @ParameterizedTest(name = "{0} -> id:{1}")
    @MethodSource("names")
    void aNameFindsItsEntityFirst(String name, String local) {
        List<LabelIndex.Hit> hits = index().search(name, 10);
        assertFalse(hits.isEmpty(), "nothing found for " + name);
        assertEquals(ID + local, hits.get(0).iri(), "first hit for '" + name + "': " + hits);
    }

    @Test
    void normalizationFoldsWidthCaseAndSpaces() {
        LabelIndex idx = index();
        for (String q : List.of("Ｈ２００", "  nViDiA   H200 ", "ＮＶＩＤＩＡ"))
            assertFalse(idx.search(q, 5).isEmpty(), q);
        assertEquals(ID + "h200", idx.search("Ｈ２００", 5).get(0).iri());
        assertEquals(ID + "h200", idx.search("nvidia   h200", 5).get(0).iri());
        assertEquals("h200", LabelText.normalize(" Ｈ２００ "));
        assertEquals("nvidia h200", LabelText.normalize("NVIDIA\t\n H200"));
    }

    @Test
    void aHitSaysWhatMatchedAndWhatKindOfThingItIs() {
        LabelIndex.Hit h = index().search("엔비디아", 1).get(0);
        assertEquals("Nvidia", h.label());
        assertEquals("엔비디아", h.matched());
        assertEquals("ko", h.lang());
        assertEquals(LabelIndex.Match.EXACT, h.match());
        assertEquals("chip designer", h.typeLabel());
        // Substring in the middle of a word, and nothing for what no name contains.
        assertFalse(index().search("비디", 10).isEmpty());
        assertTrue(index().search("zzqx", 10).isEmpty());
        assertTrue(index().search("   ", 10).isEmpty());
    }

    @Test
    void sparqlPropertyFunctionSearchesTheSameIndex() {
        var dsg = TestGraph.dataset();
        String q = """
                PREFIX cgf: <https://w3id.org/chipgraph/function#>
                SELECT ?e WHERE { ?e cgf:search "엔비" }""";
        List<String> found = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecutionFactory.create(q, DatasetFactory.wrap(dsg))) {
                qe.execSelect().forEachRemaining(r -> found.add(r.getResource("e").getURI()));
            }
        });
        assertEquals(ID + "nvidia", found.get(0), found.toString());
        assertTrue(found.contains(ID + "h200"), "엔비디아 H200 starts with 엔비: " + found);
        String ask = """
                PREFIX cgf: <https://w3id.org/chipgraph/function#>
                PREFIX id: <https://w3id.org/chipgraph/id/>
                ASK { id:tsmc cgf:search "台积" }""";
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecutionFactory.create(ask, DatasetFactory.wrap(dsg))) {
                assertTrue(qe.execAsk());
            }
        });
    }
}
