package org.w3id.chipgraph.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3id.chipgraph.TestGraph;
import java.util.Map;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * Everything the seed article names is in the graph with English and Korean labels: each name
 * is written here as the article spells it in Korean, with the English name a reader expects.
 */
class SeedEntitiesTest {
    record Named(String korean, String english) {}

    static final List<Named> SEED = List.of(
            new Named("도널드 트럼프", "Donald Trump"),
            new Named("젠슨 황", "Jensen Huang"),
            new Named("엔비디아", "Nvidia"),
            new Named("엔비디아 H200", "H200"),
            new Named("블랙웰", "Blackwell"),
            new Named("블랙웰 기반 NVL72", "NVL72"),
            new Named("화웨이", "Huawei"),
            new Named("클라우드매트릭스 384", "CloudMatrix 384"),
            new Named("캠브리콘", "Cambricon"),
            new Named("딥시크", "DeepSeek"),
            new Named("월스트리트저널", "The Wall Street Journal"),
            new Named("이코노미스트", "The Economist"),
            new Named("블룸버그", "Bloomberg"),
            new Named("악시오스", "Axios"),
            new Named("옴디아", "Omdia"),
            new Named("미국 정부", "US government"),
            new Named("중국 정부", "Chinese government"),
            new Named("비즈니스포스트", "Business Post"),
            new Named("연합뉴스", "Yonhap"));

    static final String FIND = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?e ?en ?ko WHERE {
              ?e rdfs:label|skos:altLabel ?name .
              FILTER(str(?name) = ?korean && lang(?name) = "ko")
              ?e rdfs:label ?en . FILTER(lang(?en) = "en")
              ?e rdfs:label ?ko . FILTER(lang(?ko) = "ko")
            }""";

    @TestFactory
    Stream<DynamicTest> everySeedEntityHasEnglishAndKoreanLabels() {
        return SEED.stream().map(n -> DynamicTest.dynamicTest(n.korean() + " / " + n.english(), () -> {
            RowSetRewindable rows = QueryRunner.select(TestGraph.dataset(), QueryFactory.create(FIND),
                    Map.of(Var.alloc("korean"), NodeFactory.createLiteralString(n.korean())));
            List<String> english = ExpectedResults.actualRows(rows, List.of("en")).stream().map(r -> r.get(0)).distinct().toList();
            assertEquals(1, english.size(), "one entity with the Korean name '" + n.korean() + "' and an English label; found " + english);
            assertTrue(english.get(0).contains(n.english()), "'" + n.korean() + "' is " + english.get(0) + ", expected " + n.english());
        }));
    }

    @Test
    void theArticleIsASourceInKorean() {
        String ask = """
                PREFIX cg: <https://w3id.org/chipgraph/ontology#>
                PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                ASK { ?doc a cg:SourceDocument ; dct:language "ko" ; dct:publisher ?p ; dct:date ?d .
                      ?p rdfs:label "Business Post"@en .
                      FILTER(?d >= "2025-12-01"^^<http://www.w3.org/2001/XMLSchema#date> && ?d <= "2025-12-31"^^<http://www.w3.org/2001/XMLSchema#date>) }""";
        var dsg = TestGraph.dataset();
        boolean yes = Txn.calculateRead(dsg, () -> {
            try (var qe = QueryExec.dataset(dsg).query(ask).build()) {
                return qe.ask();
            }
        });
        assertTrue(yes, "the seed article (Business Post, December 2025, Korean) is a source document");
    }
}
