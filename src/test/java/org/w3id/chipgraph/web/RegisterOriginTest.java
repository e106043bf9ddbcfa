package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;

/**
 * Issue 13 §3: a register statement is cited to the source that states it. Nvidia's page cited
 * "type: chip designer" and "ETO identifier P11" to a Korean news article, the first source naming Nvidia.
 */
class RegisterOriginTest {
    static final String ID = "https://w3id.org/chipgraph/id/";
    static final Node NVIDIA = NodeFactory.createURI(ID + "nvidia");

    @Test
    void nvidiasTypeAndIdentifiersAreCitedToTheirOwnSources() {
        var dsg = TestGraph.dataset();
        Txn.executeRead(dsg, () -> {
            Describer d = new Describer(dsg);
            assertEquals(List.of(ID + "source/chipgraph-register"),
                    sources(d.originsOf(NVIDIA, RDF.type.asNode(), NodeFactory.createURI(Chipgraph.NS + "ChipDesigner"))),
                    "Nvidia's class is the register's (editorial), not a news article's");
            assertEquals(List.of(ID + "source/eto-supply-chain"),
                    sources(d.originsOf(NVIDIA, NodeFactory.createURI(Chipgraph.NS + "etoId"), NodeFactory.createLiteralString("P11"))),
                    "Nvidia's ETO id is the ETO dataset's");
            assertFalse(sources(d.originsOf(NVIDIA, RDF.type.asNode(), Node.ANY)).contains(ID + "source/businesspost-2025-12-09"),
                    "no type of Nvidia is cited to the Business Post article");
        });
    }

    static List<String> sources(List<Describer.Origin> origins) {
        return origins.stream().flatMap(o -> o.sources().stream()).map(Describer.Source::iri).distinct().toList();
    }
}
