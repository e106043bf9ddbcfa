package org.w3id.chipgraph.query;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The comparison the catalogue tests rely on must itself catch differences. */
class ExpectedResultsTest {
    @Test
    void csvWithQuotesCommasAndNewlines() throws Exception {
        var rows = ExpectedResults.parseCsv(new StringReader("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",3\n"));
        assertEquals(List.of(List.of("a", "b"), List.of("x, y", "say \"hi\""), List.of("two\nlines", "3")), rows);
    }

    @Test
    void numbersCompareByValueTextByLexicalForm() {
        var exp = new ExpectedResults(List.of("n", "t"), List.of(List.of("15832", "H200")));
        assertNull(exp.compare(List.of(List.of("15832.0", "H200")), false));
        assertNotNull(exp.compare(List.of(List.of("15833", "H200")), false));
        assertNotNull(exp.compare(List.of(List.of("15832", "h200")), false));
    }

    @Test
    void multisetUnlessOrdered() {
        var exp = new ExpectedResults(List.of("x"), List.of(List.of("a"), List.of("b")));
        assertNull(exp.compare(List.of(List.of("b"), List.of("a")), false));
        assertNotNull(exp.compare(List.of(List.of("b"), List.of("a")), true));
        assertNotNull(exp.compare(List.of(List.of("a")), false), "a missing row must be reported");
        assertNotNull(exp.compare(List.of(List.of("a"), List.of("b"), List.of("b")), false), "a duplicate row must be reported");
    }
}
