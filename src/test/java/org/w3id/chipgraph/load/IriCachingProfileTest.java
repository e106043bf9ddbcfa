package org.w3id.chipgraph.load;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;

/**
 * The loader's Turtle and TriG parse (Jena's parser with a cache of the IRIs as written, and of
 * literals already checked) gives what Jena's own RDFParser gives: the same statements, the same
 * first complaint at the same line and column, a relative IRI resolved against the base in force.
 */
class IriCachingProfileTest {
    private static final String BASE = "file:///data/test.trig";

    /** Every kind of term, each written several times, two bases, a prefix redefined, blank nodes. */
    private static final String GOOD = """
            @prefix ex: <http://example.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            ex:g1 {
              ex:a ex:p ex:b , <http://example.org/b> , <rel> , <./rel> , <../up/rel> .
              ex:a ex:n 12.5 , "12.5"^^xsd:decimal , 7 , "7"^^xsd:integer , true , "2025-01-02"^^xsd:date .
              ex:a ex:l "Ascend"@en , "Ascend"@ko , "Ascend" , "Ascend"^^xsd:string , "x"@EN , "x"@en .
              _:b1 ex:p ex:a . _:b1 ex:q _:b2 .
            }
            @base <http://other.example/dir/> .
            ex:g2 { <rel> ex:p <rel> , <../rel> . ex:a ex:n 12.5 , "Ascend"@en . }
            @prefix ex: <http://example.net/> .
            ex:g2 { ex:a ex:p <rel> . _:b1 ex:p ex:a . }
            """;

    @Test
    void givesTheStatementsJenasParserGives() {
        DatasetGraph jena = DatasetGraphFactory.createGeneral(), ours = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(GOOD, Lang.TRIG).base(BASE).parse(jena);
        parse(GOOD, new ParserTermCache(1 << 10), new Record(), ours);
        assertEquals(jena.stream().count(), ours.stream().count());
        assertTrue(IsoMatcher.isomorphic(jena, ours), "the same dataset as RDFParser's, up to blank node labels");
    }

    @Test
    void aRelativeIriMeansWhatTheBaseInForceSays() {
        DatasetGraph ours = DatasetGraphFactory.createGeneral();
        parse(GOOD, new ParserTermCache(1 << 10), new Record(), ours);
        Node p = NodeFactory.createURI("http://example.org/p");
        assertTrue(ours.contains(NodeFactory.createURI("http://example.org/g1"), NodeFactory.createURI("http://example.org/a"), p,
                NodeFactory.createURI("file:///data/rel")), "<rel> before @base: against the file");
        assertTrue(ours.contains(NodeFactory.createURI("http://example.org/g2"), NodeFactory.createURI("http://other.example/dir/rel"), p,
                NodeFactory.createURI("http://other.example/dir/rel")), "<rel> after @base: against the new base");
        assertTrue(ours.contains(NodeFactory.createURI("http://example.net/g2"), NodeFactory.createURI("http://example.net/a"),
                NodeFactory.createURI("http://example.net/p"), NodeFactory.createURI("http://other.example/dir/rel")),
                "ex: redefined: its names expand to the new namespace");
    }

    @Test
    void anIriOrLiteralWrittenAgainIsTheSameNode() {
        DatasetGraph ours = DatasetGraphFactory.createGeneral();
        parse(GOOD, new ParserTermCache(1 << 10), new Record(), ours);
        List<Node> bs = new ArrayList<>(), decimals = new ArrayList<>();
        Node g1 = NodeFactory.createURI("http://example.org/g1"), a = NodeFactory.createURI("http://example.org/a");
        ours.find(g1, a, NodeFactory.createURI("http://example.org/p"), NodeFactory.createURI("http://example.org/b"))
                .forEachRemaining(q -> bs.add(q.getObject()));
        ours.find(Node.ANY, Node.ANY, NodeFactory.createURI("http://example.org/n"), Node.ANY).forEachRemaining(q -> {
            if (q.getObject().getLiteralLexicalForm().equals("12.5")) decimals.add(q.getObject());
        });
        assertEquals(1, bs.size());
        assertEquals(2, decimals.size(), "12.5 in g1 and in g2");
        assertSame(decimals.get(0), decimals.get(1));
    }

    /** Each bad term is written twice: the first complaint is the one Jena's parser makes, at the same place. */
    @Test
    void theFirstComplaintIsJenasAtTheSameLineAndColumn() {
        List<String> bad = List.of(
                "ex:a ex:p <http://example.org/%zz> .\nex:b ex:p <http://example.org/%zz> .",
                "ex:a ex:p <http://example.org:80x/> .\nex:b ex:p <http://example.org:80x/> .",
                "ex:a ex:p \"twelve\"^^xsd:integer .\nex:b ex:p \"twelve\"^^xsd:integer .",
                "ex:a ex:p \"2025-13-45\"^^xsd:date .\nex:b ex:p \"2025-13-45\"^^xsd:date .",
                "ex:a ex:p \"x\"@en-a-b-c-d-e-f-g-h-i-j-k-l-m .\nex:b ex:p \"x\"@en-a-b-c-d-e-f-g-h-i-j-k-l-m .",
                "ex:a ex:p ex:ok .\nex:a ex:p <rel> .\n@base <http://example.org/%zz/> .\nex:b ex:p <rel> .");
        for (String body : bad) {
            String text = "@prefix ex: <http://example.org/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" + body + "\n";
            Record jena = new Record(), ours = new Record();
            try {
                RDFParser.fromString(text, Lang.TURTLE).base(BASE).errorHandler(jena).parse(StreamRDFLib.sinkNull());
            } catch (Complaint expected) {
                // noted
            }
            // The cache is warm with the good terms of a first parse; the same cache parses the bad file.
            ParserTermCache terms = new ParserTermCache(1 << 10);
            parse(GOOD, terms, new Record(), DatasetGraphFactory.createGeneral());
            assertThrows(Complaint.class, () -> parseTurtle(text, terms, ours), body);
            assertNotNull(jena.first, "Jena complains about: " + body);
            assertEquals(jena.first, ours.first, body);
        }
    }

    /** A literal another syntax's parser put in the shared cache unchecked is still checked here. */
    @Test
    void aLiteralInTheSharedCacheIsCheckedAgainByThisParse() {
        ParserTermCache terms = new ParserTermCache(1 << 10);
        var integer = org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger;
        Node unchecked = terms.factory().createTypedLiteral("twelve", integer);   // a factory makes what it is given
        assertSame(unchecked, terms.knownLiteral("twelve", integer, ""));
        Record ours = new Record();
        assertThrows(Complaint.class, () -> parseTurtle("<http://example.org/a> <http://example.org/p> \"twelve\"^^"
                + "<http://www.w3.org/2001/XMLSchema#integer> .\n", terms, ours));
        assertTrue(ours.first.startsWith("1:"), ours.first);
    }

    private static void parse(String trig, ParserTermCache terms, ErrorHandler errors, DatasetGraph into) {
        IriCachingProfile.parse(new ByteArrayInputStream(trig.getBytes(StandardCharsets.UTF_8)), BASE, Lang.TRIG, terms, errors,
                new Context(), 1 << 10, StreamRDFLib.dataset(into));
    }

    private static void parseTurtle(String ttl, ParserTermCache terms, ErrorHandler errors) {
        IriCachingProfile.parse(new ByteArrayInputStream(ttl.getBytes(StandardCharsets.UTF_8)), BASE, Lang.TURTLE, terms, errors,
                new Context(), 1 << 10, StreamRDFLib.sinkNull());
    }

    private static final class Complaint extends RuntimeException {
        Complaint(String m) { super(m); }
    }

    /** Notes the first complaint (line:column: message) and stops the parse, as the loader's handler does. */
    private static final class Record implements ErrorHandler {
        String first;

        @Override public void warning(String m, long line, long col) { note(m, line, col); }
        @Override public void error(String m, long line, long col) { note(m, line, col); }
        @Override public void fatal(String m, long line, long col) { note(m, line, col); }

        private void note(String m, long line, long col) {
            if (first == null)
                first = line + ":" + col + ": " + m;
            throw new Complaint(first);
        }
    }
}
