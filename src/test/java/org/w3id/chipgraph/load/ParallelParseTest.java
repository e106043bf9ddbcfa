package org.w3id.chipgraph.load;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.input.LoadException;

/**
 * Files and pieces of files parsed side by side: their statements are taken in the order the
 * pieces were given, whichever worker finished first; a failure comes after the statements
 * before it and stops the rest; the pieces waiting hold no more than their bound and never
 * block the piece being taken. And through the loader's parser: a large file parsed in pieces
 * gives the dataset a whole parse gives, and its syntax error names the line a whole parse names.
 */
@Timeout(120)
class ParallelParseTest {
    @TempDir
    Path tmp;

    private static Triple t(int piece, int i) {
        return Triple.create(NodeFactory.createURI("http://example.org/p" + piece), NodeFactory.createURI("http://example.org/n"),
                NodeFactory.createLiteralString(Integer.toString(i)));
    }

    @Test
    void statementsComeInTheOrderThePiecesWereGiven() throws Exception {
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> seen = new ArrayList<>();
        try (ParallelParse pool = new ParallelParse(2, 0)) {
            // The first piece waits until the second has been parsed whole.
            ParallelParse.Piece first = pool.submit(sink -> {
                try {
                    assertTrue(secondDone.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < 2_500; i++) sink.triple(t(1, i));
            });
            ParallelParse.Piece second = pool.submit(sink -> {
                for (int i = 0; i < 2_500; i++) sink.triple(t(2, i));
                secondDone.countDown();
            });
            StreamRDF collect = new StreamRDFBase() {
                @Override public void triple(Triple t) { seen.add(t.getSubject().getLocalName() + "/" + t.getObject().getLiteralLexicalForm()); }
            };
            pool.take(first, collect);
            pool.take(second, collect);
        }
        assertEquals(5_000, seen.size());
        for (int i = 0; i < 5_000; i++)
            assertEquals((i < 2_500 ? "p1/" : "p2/") + (i % 2_500), seen.get(i));
    }

    @Test
    void aFailureComesAfterTheStatementsBeforeItAndStopsTheRest() throws Exception {
        long[] taken = {0};
        Thread[] later = new Thread[1];
        CountDownLatch laterStarted = new CountDownLatch(1);
        try (ParallelParse pool = new ParallelParse(2, 0)) {
            ParallelParse.Piece bad = pool.submit(sink -> {
                for (int i = 0; i < 1_500; i++) sink.triple(t(1, i));
                throw new IllegalArgumentException("bad at 1500");
            });
            pool.submit(sink -> {   // endless unless stopped
                later[0] = Thread.currentThread();
                laterStarted.countDown();
                for (int i = 0; ; i++) sink.triple(t(2, i));
            });
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.take(bad, new StreamRDFBase() {
                @Override public void triple(Triple t) { taken[0]++; }
            }));
            assertEquals("bad at 1500", e.getMessage());
            assertEquals(1_500, taken[0], "every statement before the failure");
            assertTrue(laterStarted.await(30, TimeUnit.SECONDS));
        }
        later[0].join(30_000);
        assertFalse(later[0].isAlive(), "the piece after the failure was stopped");
    }

    @Test
    void piecesWaitingAreBoundedAndTheCurrentOneNeverBlocks() throws Exception {
        // Bound: the minimum, 100 chunks of 1,000; three pieces of 300,000 statements each.
        int per = 300_000;
        long[] counts = new long[3];
        try (ParallelParse pool = new ParallelParse(3, 1)) {
            List<ParallelParse.Piece> pieces = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                int piece = k;
                pieces.add(pool.submit(sink -> {
                    for (int i = 0; i < per; i++) sink.triple(t(piece, i));
                }));
            }
            for (int k = 0; k < 3; k++) {
                int piece = k;
                pool.take(pieces.get(k), new StreamRDFBase() {
                    @Override public void triple(Triple t) { counts[piece]++; }
                });
            }
        }
        assertArrayEquals(new long[] {per, per, per}, counts);
    }

    @Test
    void manyPiecesOfRandomSizesAndSpeedsAllArriveInOrder() throws Exception {
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 20; round++) {
            int pieces = 1 + random.nextInt(12), workers = 1 + random.nextInt(4);
            int[] sizes = new int[pieces];
            for (int k = 0; k < pieces; k++)
                sizes[k] = random.nextInt(4) == 0 ? 0 : random.nextInt(250_000);
            long[] seenPerPiece = new long[pieces];
            try (ParallelParse pool = new ParallelParse(workers, random.nextInt(300_000))) {
                List<ParallelParse.Piece> submitted = new ArrayList<>();
                for (int k = 0; k < pieces; k++) {
                    int piece = k, n = sizes[k];
                    boolean slow = random.nextBoolean();
                    submitted.add(pool.submit(sink -> {
                        for (int i = 0; i < n; i++) {
                            sink.triple(t(piece, i));
                            if (slow && i % 50_000 == 0) Thread.onSpinWait();
                        }
                    }));
                }
                for (int k = 0; k < pieces; k++) {
                    int piece = k;
                    long[] next = {0};
                    pool.take(submitted.get(k), new StreamRDFBase() {
                        @Override public void triple(Triple t) {
                            assertEquals("p" + piece, t.getSubject().getLocalName());
                            assertEquals(Long.toString(next[0]++), t.getObject().getLiteralLexicalForm());
                            seenPerPiece[piece]++;
                        }
                    });
                }
            }
            for (int k = 0; k < pieces; k++)
                assertEquals(sizes[k], seenPerPiece[k], "round " + round + ", piece " + k);
        }
    }

    @Test
    void aLargeFileParsedInPiecesGivesTheWholeParseAndItsErrorLines() throws Exception {
        // About 5 MB of graph blocks: cut in pieces on a machine with two cores or more.
        StringBuilder b = new StringBuilder("@prefix ex: <http://example.org/> .\n@prefix src: <https://w3id.org/chipgraph/id/source/> .\n");
        int lines = 2;
        for (int g = 0; g < 40_000; g++) {
            b.append("<https://w3id.org/chipgraph/graph/test-piece-").append(g % 50).append("> { ex:s").append(g)
                    .append(" <http://www.w3.org/2000/01/rdf-schema#comment> \"statement ").append(g).append(" with } and # inside\" }\n");
            lines++;
        }
        String good = b.toString();
        Path f = tmp.resolve("big.trig");
        Files.writeString(f, good);
        assertTrue(TriGCuts.plan(f, 2).size() == 2, "the file can be cut");

        DatasetGraph whole = DatasetGraphFactory.createGeneral();
        RDFParser.source(f).parse(whole);
        ParsedInputs parsed = new InputParser(InputFiles.in(TestGraph.PROJECT)).parseAll(List.of(f));
        Set<Quad> expected = new HashSet<>(), got = new HashSet<>();
        whole.find().forEachRemaining(expected::add);
        parsed.data().find().forEachRemaining(q -> {
            if (q.getGraph().getURI().startsWith("https://w3id.org/chipgraph/graph/test-piece-"))
                got.add(q);
        });
        assertEquals(40_000, expected.size());
        Set<Quad> missing = new HashSet<>(expected), extra = new HashSet<>(got);
        missing.removeAll(got);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), missing.size() + " missing, e.g. " + missing.stream().limit(3).toList()
                + "; " + extra.size() + " not in the file, e.g. " + extra.stream().limit(3).toList());

        // A syntax error near the end (in the last piece): the line and column a whole parse gives.
        Files.writeString(f, good + "<https://w3id.org/chipgraph/graph/test-piece-1> { ex:bad ex:p \"unterminated }\n");
        String[] whereWhole = {null};
        try {
            RDFParser.source(f).errorHandler(new ErrorHandler() {
                @Override public void warning(String m, long line, long col) { error(m, line, col); }
                @Override public void error(String m, long line, long col) { whereWhole[0] = line + ":" + col; throw new IllegalStateException(m); }
                @Override public void fatal(String m, long line, long col) { error(m, line, col); }
            }).parse(DatasetGraphFactory.createGeneral());
        } catch (RuntimeException expectedFailure) {
            // where is noted
        }
        assertNotNull(whereWhole[0]);
        assertTrue(whereWhole[0].startsWith(lines + 1 + ":") || whereWhole[0].startsWith(lines + 2 + ":"), whereWhole[0]);
        LoadException e = assertThrows(LoadException.class, () -> new InputParser(InputFiles.in(TestGraph.PROJECT)).parseAll(List.of(f)));
        assertTrue(e.getMessage().contains("big.trig:" + whereWhole[0] + ": syntax error"), e.getMessage());
    }
}
