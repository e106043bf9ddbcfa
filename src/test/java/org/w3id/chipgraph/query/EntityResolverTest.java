package org.w3id.chipgraph.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;

/** Entity arguments: IRI, local name, exact label in any language; ambiguity lists candidates. */
class EntityResolverTest {
    static final String DATA = """
            @prefix id: <https://w3id.org/chipgraph/id/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            id:hisilicon rdfs:label "HiSilicon"@en , "하이실리콘"@ko .
            id:huawei rdfs:label "Huawei"@en , "华为"@zh ; skos:altLabel "Hua"@en .
            id:hua-hong rdfs:label "Hua Hong"@en ; skos:altLabel "Hua"@en .
            """;

    final EntityResolver resolver;

    EntityResolverTest() {
        DatasetGraph dsg = DatasetGraphFactory.wrap(RDFParser.fromString(DATA, Lang.TURTLE).toGraph());
        resolver = new EntityResolver(q -> QueryRunner.select(dsg, q, Map.of()));
    }

    @Test
    void iriLocalNameAndLabels() {
        assertEquals(Chipgraph.ID + "huawei", resolver.resolve("https://w3id.org/chipgraph/id/huawei"));
        assertEquals(Chipgraph.ID + "huawei", resolver.resolve("<https://w3id.org/chipgraph/id/huawei>"));
        assertEquals(Chipgraph.ID + "huawei", resolver.resolve("huawei"));
        assertEquals(Chipgraph.ID + "huawei", resolver.resolve("id:huawei"));
        assertEquals(Chipgraph.ID + "huawei", resolver.resolve("华为"));
        assertEquals(Chipgraph.ID + "hisilicon", resolver.resolve("하이실리콘"));
    }

    @Test
    void ambiguousNameListsItsCandidatesAndFails() {
        var e = assertThrows(EntityResolver.UnresolvedEntity.class, () -> resolver.resolve("Hua"));
        assertTrue(e.getMessage().startsWith("'Hua' is ambiguous; candidates:"), e.getMessage());
        assertEquals(2, e.candidates.size());
        assertTrue(e.getMessage().contains("(Huawei)") && e.getMessage().contains("(Hua Hong)"), e.getMessage());
    }

    @Test
    void unknownNameOrIriFails() {
        assertThrows(EntityResolver.UnresolvedEntity.class, () -> resolver.resolve("Nobody"));
        assertThrows(EntityResolver.UnresolvedEntity.class, () -> resolver.resolve("https://w3id.org/chipgraph/id/nobody"));
    }
}
