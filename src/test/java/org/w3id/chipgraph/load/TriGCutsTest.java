package org.w3id.chipgraph.load;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cutting a TriG file into pieces that parse side by side: the pieces, each parsed after the
 * directives before it, give the same statements in the same order as the whole file, whatever
 * the file holds (braces, quotes and hashes inside strings, IRIs and comments; directives between
 * graph blocks; a changed base); and the cut is not made where the scan cannot follow.
 */
class TriGCutsTest {
    @TempDir
    Path tmp;

    /** One block of everything that could fool a scan for the end of a graph block. */
    static String block(int i) {
        return """
                # a comment with a quote " and a brace } and <
                ex:g%1$d {
                  ex:s%1$d ex:p "a string with } and { and # and ' inside" ;
                      ex:q \"""a long string
                }
                ex:fake { with "quotes" and ''' and \\\""" inside\""" ;
                      ex:r 'single } quoted' , '''long single
                } '' ''' ;
                      ex:t <http://example.org/iri#with-hash> ;
                      ex:u "escaped \\" quote }" , "" , '' ;
                      ex:v ex:local\\#esc ;
                      ex:w [ ex:x %1$d ] ;
                      ex:y ( 1 2 "3}" ) ;
                      ex:z "tag"@en-GB .
                }
                @prefix ex2: <http://example.org/two/%1$d/> .
                GRAPH ex:h%1$d { ex2:a ex2:b ex2:c }   # after a block
                PREFIX ex3: <http://example.org/three/>
                ex:k%1$d { ex3:a ex3:b "x" }
                @base <http://example.org/base/%1$d/> .
                <rel-graph> { <rel-s> <rel-p> <rel-o> . }
                """.formatted(i);
    }

    static String tricky(int blocks) {
        StringBuilder b = new StringBuilder("@prefix ex: <http://example.org/> .\n");
        for (int i = 0; i < blocks; i++) {
            b.append(block(i));
            if (i % 7 == 3)
                b.append("@prefix ex: <http://example.org/redefined/").append(i).append("/> .\n");
        }
        return b.toString();
    }

    @Test
    void piecesParseAsTheWholeFile() throws Exception {
        Path f = write("tricky.trig", tricky(60));
        List<String> whole = statements(f, List.of(new TriGCuts.Piece(0, Files.size(f), new byte[0])));
        assertTrue(whole.size() > 60 * 15, "the file parses: " + whole.size());
        for (int parts = 2; parts <= 7; parts++) {
            List<TriGCuts.Piece> pieces = TriGCuts.plan(f, parts);
            assertEquals(parts, pieces.size(), "a cut found near each 1/" + parts);
            assertEquals(0, pieces.get(0).start());
            for (int k = 1; k < pieces.size(); k++)
                assertEquals(pieces.get(k - 1).end(), pieces.get(k).start(), "the pieces cover the file");
            assertEquals(Files.size(f), pieces.get(parts - 1).end());
            assertEquals(whole, statements(f, pieces), "the same statements, in the same order, in " + parts + " pieces");
        }
    }

    @Test
    void aBlankNodeLabelInTheLastPieceOnlyIsScopedToIt() throws Exception {
        Path f = write("labels-at-end.trig", tricky(20) + "ex:last { _:b ex:p _:b . _:b ex:q 1 }\n");
        List<TriGCuts.Piece> pieces = TriGCuts.plan(f, 2);
        assertEquals(2, pieces.size());
        assertEquals(statements(f, List.of(new TriGCuts.Piece(0, Files.size(f), new byte[0]))), statements(f, pieces));
    }

    @Test
    void noCutWhereTheScanCannotFollow() throws Exception {
        String tail = tricky(20);
        for (String head : List.of(
                "ex:a { _:b ex:p ex:o }\n",                         // a blank node label: its scope is the whole file
                "ex:a { ex:s ex:p << ex:x ex:y ex:z >> }\n",        // a triple term
                "ex:a { ex:s ex:p ex:o {| ex:q ex:r |} }\n",        // an annotation
                "VERSION \"1.2\"\n",
                "ex:a { ex:s ex:p \"a short string\nover two lines\" }\n",
                "ex:a { ex:s ex:p ex:o } }\n")) {
            Path f = write("give-up.trig", "@prefix ex: <http://example.org/> .\n" + head + tail);
            assertEquals(1, TriGCuts.plan(f, 4).size(), "parsed whole: " + head.strip());
        }
    }

    @Test
    void aFileWithOneBlockIsNotCut() throws Exception {
        StringBuilder b = new StringBuilder("@prefix ex: <http://example.org/> .\nex:g {\n");
        for (int i = 0; i < 5_000; i++)
            b.append("  ex:s").append(i).append(" ex:p ").append(i).append(" .\n");
        Path f = write("one-block.trig", b.append("}\n").toString());
        assertEquals(1, TriGCuts.plan(f, 3).size());
    }

    private Path write(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** The statements of the pieces, parsed one after another each after its directives, as text; anonymous blank nodes as "_". */
    static List<String> statements(Path f, List<TriGCuts.Piece> pieces) throws Exception {
        List<String> out = new ArrayList<>();
        for (TriGCuts.Piece piece : pieces) {
            try (InputStream in = piece.open(f)) {
                RDFParser.source(in).base(IRILib.filenameToIRI(f.toString())).lang(Lang.TRIG).parse(new StreamRDFBase() {
                    @Override
                    public void quad(Quad q) {
                        out.add(text(q));
                    }
                });
            }
        }
        return out;
    }

    private static String text(Quad q) {
        StringBuilder b = new StringBuilder();
        for (var n : List.of(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()))
            b.append(n.isBlank() ? "_" : n.toString()).append(' ');
        return b.toString();
    }
}
