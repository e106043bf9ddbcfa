package org.w3id.chipgraph.link;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Links to Wikidata: every entity whose QID domain-facts §4.1 confirms has its owl:sameAs, no
 * entity has a link that is only "likely" or unverified, and the QC check refuses malformed
 * or shared QIDs. The list of QIDs is src/test/resources/wikidata-qids.csv.
 */
class WikidataLinksTest {
    static final String WD = "http://www.wikidata.org/entity/";

    record Row(String status, String qid, List<String> labels) {}

    static List<Row> table() throws Exception {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(TestGraph.PROJECT.resolve("src/test/resources/wikidata-qids.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank())
                continue;
            String[] f = line.split(",", 3);
            rows.add(new Row(f[0], f[1], List.of(f[2].split("\\|"))));
        }
        return rows;
    }

    /** Entities whose English rdfs:label is one of the names (case-insensitive). */
    static Set<Node> entitiesLabelled(DatasetGraph dsg, List<String> names) {
        Set<String> wanted = new HashSet<>();
        names.forEach(n -> wanted.add(n.toLowerCase(Locale.ROOT)));
        Set<Node> found = new HashSet<>();
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, RDFS.label.asNode(), Node.ANY).forEachRemaining(q -> {
            Node o = q.getObject();
            if (o.isLiteral() && "en".equals(o.getLiteralLanguage())
                    && wanted.contains(o.getLiteralLexicalForm().toLowerCase(Locale.ROOT))
                    && q.getSubject().isURI() && q.getSubject().getURI().startsWith(Chipgraph.ID)
                    && !q.getSubject().getURI().startsWith(Chipgraph.SOURCE))
                found.add(q.getSubject());
        }));
        return found;
    }

    static Set<String> wikidataLinks(DatasetGraph dsg, Node entity) {
        Set<String> links = new HashSet<>();
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, entity, OWL.sameAs.asNode(), Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI() && q.getObject().getURI().contains("wikidata"))
                links.add(q.getObject().getURI());
        }));
        return links;
    }

    @Test
    void everyConfirmedQidIsLinkedAndNothingElse() throws Exception {
        DatasetGraph dsg = TestGraph.dataset();
        int linked = 0;
        List<String> problems = new ArrayList<>();
        for (Row r : table()) {
            for (Node e : entitiesLabelled(dsg, r.labels())) {
                Set<String> links = wikidataLinks(dsg, e);
                if (r.status().equals("confirmed")) {
                    if (links.equals(Set.of(WD + r.qid())))
                        linked++;
                    else
                        problems.add(e + " (" + r.labels().get(0) + ") must have owl:sameAs wd:" + r.qid() + " and no other Wikidata link, has " + links);
                } else if (!links.isEmpty()) {
                    problems.add(e + " (" + r.labels().get(0) + "): its QID is only '" + r.status() + "' in domain-facts §4.1, yet it links " + links);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(linked >= 15, "only " + linked + " confirmed entities found linked");
    }

    @Test
    void everyWikidataLinkIsAConfirmedQidOfThatEntity() throws Exception {
        Set<String> confirmed = new HashSet<>();
        for (Row r : table())
            if (r.status().equals("confirmed"))
                confirmed.add(WD + r.qid());
        DatasetGraph dsg = TestGraph.dataset();
        List<String> unknown = new ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, OWL.sameAs.asNode(), Node.ANY).forEachRemaining(q -> {
            String o = q.getObject().isURI() ? q.getObject().getURI() : q.getObject().toString();
            if (o.contains("wikidata") && !confirmed.contains(o))
                unknown.add(q.getSubject() + " owl:sameAs " + o);
        }));
        assertTrue(unknown.isEmpty(), "links to QIDs not confirmed in domain-facts §4.1:\n" + String.join("\n", unknown));
    }

    @Test
    void theLinksHaveASourceDescribingTheEvidence() {
        DatasetGraph dsg = TestGraph.dataset();
        Node graph = NodeFactory.createURI(Chipgraph.GRAPH + "wikidata-qid-verification");
        Node nvidia = NodeFactory.createURI(Chipgraph.ID + "nvidia");
        Txn.executeRead(dsg, () -> {
            assertTrue(dsg.contains(graph, nvidia, OWL.sameAs.asNode(), NodeFactory.createURI(WD + "Q182477")));
            assertTrue(dsg.contains(Chipgraph.GRAPH_SOURCES, graph, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"),
                    NodeFactory.createURI(Chipgraph.SOURCE + "wikidata-qid-verification")));
            assertTrue(dsg.contains(Node.ANY, nvidia, NodeFactory.createURI(Chipgraph.NS + "lei"), NodeFactory.createLiteralString("549300S4KLFTLO7GSQ80")),
                    "Nvidia's LEI");
        });
    }

    @Test
    void theQualityCheckRefusesMalformedAndSharedQids() throws Exception {
        String trig = """
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                PREFIX id: <https://w3id.org/chipgraph/id/>
                  id:good owl:sameAs <http://www.wikidata.org/entity/Q182477> .
                  id:https owl:sameAs <https://www.wikidata.org/entity/Q248> .
                  id:page owl:sameAs <https://www.wikidata.org/wiki/Q713418> .
                  id:zero owl:sameAs <http://www.wikidata.org/entity/Q0123> .
                  id:property owl:sameAs <http://www.wikidata.org/entity/P31> .
                  id:literal owl:sameAs "Q30" .
                  id:twin-a owl:sameAs <http://www.wikidata.org/entity/Q55> .
                  id:twin-b owl:sameAs <http://www.wikidata.org/entity/Q55> .
                  id:dbpedia owl:sameAs <http://dbpedia.org/resource/Nvidia> .
                """;
        var graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(trig, Lang.TURTLE).parse(graph);
        var q = QueryFactory.read(TestGraph.PROJECT.resolve("ontology/qc/wikidata-qid-violation.rq").toString());
        RowSetRewindable rows;
        try (QueryExec qe = QueryExec.graph(graph).query(q).build()) {
            rows = qe.select().rewindable();
        }
        Set<String> flagged = new HashSet<>();
        rows.forEachRemaining(b -> flagged.add(b.get("entity").getLocalName()));
        assertEquals(Set.of("https", "page", "zero", "property", "literal", "twin-a", "twin-b"), flagged);
    }
}
