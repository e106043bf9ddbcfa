package org.w3id.chipgraph.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;

/**
 * Issue 12 on the command line: a parameter value that does not fit its type, a list nested
 * 200,000 deep and a file name with control characters each end in exit code 2 and one line of
 * error naming the parameter or the file, with nothing raw sent to the terminal.
 */
class HostileCliTest {
    @TempDir Path tmp;

    @Test
    void aTypedParameterThatDoesNotParseExits2WithOneLine() {
        for (String v : new String[] {"not-a-date", "2025-13-45", "2025"}) {
            CliRun q = CliRun.run("query", "r3-licence-status", "-p", "asOf=" + v, "--project", CliTest.TestProjectRoot.get(),
                    "--db", tmp.resolve("db").toString());
            assertEquals(2, q.code(), q.err());
            assertEquals(1, q.err().lines().count(), q.err());
            assertTrue(q.err().contains("'asOf'") && q.err().contains("a date YYYY-MM-DD") && q.err().contains(v), q.err());
        }
    }

    @Test
    void aListNested200000DeepExits2NamingTheFile() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("p"));
        Path deep = tmp.resolve("deep.trig");
        Files.writeString(deep, "GRAPH <https://w3id.org/chipgraph/graph/x> { <http://example.org/a> <http://example.org/b> "
                + "(".repeat(200_000) + ")".repeat(200_000) + " }\n");
        CliRun load = CliRun.run("load", "--project", project.toString(), "--db", tmp.resolve("db").toString(), deep.toString());
        assertEquals(2, load.code(), load.err().lines().limit(5).toList().toString());
        assertEquals(1, load.err().lines().count(), load.err().lines().limit(5).toList().toString());
        assertTrue(load.err().contains("deep.trig") && load.err().contains("nested too deeply"), load.err());
    }

    @Test
    void controlCharactersInAFileNameAreEscaped() {
        Path project = ProjectCopy.into(tmp.resolve("p"));
        String name = "evil\u001b[2J\u001b]0;owned\u0007.trig";
        CliRun load = CliRun.run("load", "--project", project.toString(), "--db", tmp.resolve("db").toString(),
                tmp.resolve(name).toString());
        assertEquals(2, load.code(), load.err());
        assertFalse(load.err().chars().anyMatch(c -> c == 0x1b || c == 0x07), "raw control characters: " + load.err());
        assertTrue(load.err().contains("evil\\u001b[2J\\u001b]0;owned\\u0007.trig"), load.err());
    }
}
