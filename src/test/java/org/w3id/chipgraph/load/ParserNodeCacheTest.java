package org.w3id.chipgraph.load;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.TestGraph;

/**
 * The parser's cache of terms: an IRI written many times is one node in memory, and the cache
 * does not join what must stay apart (a blank node label names a different node in each file).
 */
class ParserNodeCacheTest {
    @TempDir
    Path tmp;

    @Test
    void oneIriIsOneNodeAndBlankNodesStayApartAcrossFiles() throws Exception {
        Path a = tmp.resolve("a.ttl"), b = tmp.resolve("b.ttl");
        Files.writeString(a, """
                @prefix ex: <http://example.org/> .
                ex:s ex:p ex:o1 . ex:s ex:p ex:o2 . <http://example.org/s> ex:q "x" .
                _:b ex:p ex:o1 .
                """);
        Files.writeString(b, "_:b <http://example.org/p> <http://example.org/o1> .\n");
        InputParser parser = new InputParser(InputFiles.in(TestGraph.PROJECT));
        Graph ga = parser.parseGraph(a), gb = parser.parseGraph(b);

        Node s = NodeFactory.createURI("http://example.org/s");
        List<Node> mentions = new ArrayList<>();
        ga.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> mentions.add(t.getSubject()));
        assertEquals(3, mentions.size());
        for (Node m : mentions)
            assertSame(mentions.get(0), m, "every mention of ex:s, prefixed or written out, is one node");

        Node blankA = ga.find(Node.ANY, Node.ANY, Node.ANY).filterKeep(t -> t.getSubject().isBlank()).next().getSubject();
        Triple inB = gb.find().next();
        assertTrue(inB.getSubject().isBlank());
        assertNotEquals(blankA, inB.getSubject(), "_:b of two files are two nodes");
    }

    @Test
    void cacheGrowsWithTheFileUpToItsBound() throws Exception {
        Path small = tmp.resolve("small.ttl"), large = tmp.resolve("large.ttl");
        Files.writeString(small, "<http://example.org/s> <http://example.org/p> 1 .\n");
        assertEquals(org.apache.jena.riot.system.FactoryRDFCaching.DftNodeCacheSize, InputParser.nodeCacheSize(small), "Jena's default for a small file");
        try (var out = Files.newBufferedWriter(large)) {
            for (int i = 0; i < 200_000; i++)
                out.write("<http://example.org/s" + i + "> <http://example.org/p> " + i + " .\n");
        }
        long bytes = Files.size(large);
        assertEquals(bytes / 64, InputParser.nodeCacheSize(large));
        assertTrue(InputParser.nodeCacheSize(large) <= 1 << 20);
    }

    @Test
    void theFilesParsedSideBySideShareOneNodePerIri() {
        ParsedInputs in = new InputParser(InputFiles.in(TestGraph.PROJECT)).parseAll();
        Node huawei = NodeFactory.createURI("https://w3id.org/chipgraph/id/huawei");
        List<Node> mentions = new ArrayList<>();
        java.util.Set<Node> graphs = new java.util.HashSet<>();
        in.data().find(Node.ANY, Node.ANY, Node.ANY, huawei).forEachRemaining(q -> {
            mentions.add(q.getObject());
            graphs.add(q.getGraph());
        });
        in.data().find(Node.ANY, huawei, Node.ANY, Node.ANY).forEachRemaining(q -> mentions.add(q.getSubject()));
        assertTrue(graphs.size() > 5, "Huawei is named in many sources' graphs: " + graphs.size());
        for (Node m : mentions)
            assertSame(mentions.get(0), m, "one node for every mention, in every file");
    }

    @Test
    void theSharedCacheGivesEachThreadTheNodeOfItsIri() throws Exception {
        ParserTermCache cache = new ParserTermCache(64);   // small: many IRIs share a slot
        List<Thread> threads = new ArrayList<>();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                var terms = cache.factory();
                for (int i = 0; i < 200_000; i++) {
                    String iri = "http://example.org/n" + (i % 1_000);
                    Node n = cache.uri(iri);
                    if (!n.isURI() || !n.getURI().equals(iri))
                        wrong.add(iri + " -> " + n);
                    String lex = Integer.toString(i % 1_000);
                    Node lit = i % 2 == 0 ? terms.createLangLiteral(lex, "en") : terms.createTypedLiteral(lex,
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal);
                    if (!lit.getLiteralLexicalForm().equals(lex) || (i % 2 == 0) != lit.getLiteralLanguage().equals("en"))
                        wrong.add(lex + " -> " + lit);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads)
            t.join();
        assertEquals(List.of(), wrong);
        assertSame(cache.uri("http://example.org/n7"), cache.uri("http://example.org/n7"));
    }

    @Test
    void aRepeatedLiteralIsOneNodeAndLiteralsThatDifferStayApart() {
        ParserTermCache cache = new ParserTermCache(1 << 10);
        var terms = cache.factory();
        var decimal = org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal;
        var integer = org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger;
        Node share = terms.createTypedLiteral("12.5", decimal);
        assertSame(share, terms.createTypedLiteral("12.5", decimal));
        assertSame(share, cache.factory().createTypedLiteral("12.5", decimal), "shared by every parser's factory");
        assertEquals(NodeFactory.createLiteralDT("12.5", decimal), share);
        Node en = terms.createLangLiteral("Ascend", "en");
        assertSame(en, terms.createLangLiteral("Ascend", "en"));
        List<Node> apart = List.of(share, terms.createTypedLiteral("125", integer), terms.createTypedLiteral("12.5", integer), en,
                terms.createLangLiteral("Ascend", "ko"), terms.createStringLiteral("Ascend"), terms.createTypedLiteral("Ascend",
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring), terms.createURI("http://example.org/Ascend"));
        assertEquals(NodeFactory.createLiteralLang("Ascend", "ko"), apart.get(4));
        assertEquals(NodeFactory.createLiteralString("Ascend"), apart.get(5));
        for (int i = 0; i < apart.size(); i++)
            for (int j = i + 1; j < apart.size(); j++)
                if (i != 5 || j != 6)   // "Ascend" and "Ascend"^^xsd:string are one term in RDF 1.1
                    assertNotEquals(apart.get(i), apart.get(j), i + " vs " + j);
        assertEquals(apart.get(5), apart.get(6));
    }
}
