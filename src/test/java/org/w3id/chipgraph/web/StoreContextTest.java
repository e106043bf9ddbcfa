package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.search.LabelIndex;

/** One store context per store version owns everything derived from it, the SPARQL functions' indexes included. */
class StoreContextTest {
    static final String ID = "https://w3id.org/chipgraph/id/";

    @Test
    void eachPartIsBuiltOncePerVersion() {
        StoreContext c = new StoreContext(TestGraph.dataset());
        assertSame(c.labels(), c.labels());
        assertTrue(c.labels().entityCount() > 100);
        assertSame(c.dependencyGraph(), c.dependencyGraph());
        assertSame(c.dependencyIndex(), c.dependencyIndex());
        assertSame(c.edges(), c.edges());
        assertSame(c.countries(), c.countries());
        // Another version (here: another context) has parts of its own, replaced as a whole.
        StoreContext next = new StoreContext(TestGraph.dataset());
        assertNotSame(c.labels(), next.labels());
        assertNotSame(c.countries(), next.countries());
    }

    /** data/supply-chain.trig: Nvidia in the United States, TSMC in Taiwan; a chip by its designer; a model by its developer. */
    @Test
    void nodeCountriesFollowHeadquartersDesignersAndDevelopers() {
        NodeCountries countries = new StoreContext(TestGraph.dataset()).countries();
        assertEquals("United States", countries.of(ID + "nvidia"));
        assertEquals("Taiwan", countries.of(ID + "tsmc"));
        assertEquals("United States", countries.of(ID + "h100"), "designed by Nvidia");
        assertEquals("China", countries.of(ID + "deepseek-r1"), "developed by DeepSeek");
        assertNull(countries.of(ID + "united-states"), "a country has no headquarters");
    }

    @Test
    void theSparqlFunctionsSearchTheIndexOfTheirVersion() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        addLabel(dsg, "alphachip");
        // No store context: each query builds its own index, and leaves nothing in the dataset.
        assertEquals(List.of(ID + "alphachip"), search(dsg, "alpha"));
        assertNull(dsg.getContext().get(LabelIndex.KEY));
        addLabel(dsg, "alphaboard");
        assertEquals(2, search(dsg, "alpha").size());
        // With one, the queries use the version's index (built once: a later write is not in it).
        StoreContext c = new StoreContext(dsg);
        assertEquals(2, search(dsg, "alpha").size());
        addLabel(dsg, "alphacore");
        assertEquals(2, search(dsg, "alpha").size());
        assertEquals(2, c.labels().search("alpha", 10).size());
        // The next version's context brings a new index.
        new StoreContext(dsg);
        assertEquals(3, search(dsg, "alpha").size());
    }

    private static void addLabel(DatasetGraph dsg, String name) {
        Txn.executeWrite(dsg, () -> dsg.add(Quad.defaultGraphIRI, NodeFactory.createURI(ID + name), RDFS.label.asNode(),
                NodeFactory.createLiteralLang(name, "en")));
    }

    private static List<String> search(DatasetGraph dsg, String text) {
        String q = "SELECT ?e WHERE { ?e <https://w3id.org/chipgraph/function#search> \"" + text + "\" }";
        List<String> found = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecutionFactory.create(q, DatasetFactory.wrap(dsg))) {
                qe.execSelect().forEachRemaining(r -> found.add(r.getResource("e").getURI()));
            }
        });
        return found;
    }
}
