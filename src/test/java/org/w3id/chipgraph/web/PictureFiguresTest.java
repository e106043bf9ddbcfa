package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/** The README's figures about the picture and the query tables are the code's own constants. */
class PictureFiguresTest {
    static String read(String path) throws Exception {
        return Files.readString(TestGraph.PROJECT.resolve(Path.of(path)));
    }

    static int constant(String source, String name) {
        Matcher m = Pattern.compile("\\b" + name + " = (\\d+)").matcher(source);
        assertTrue(m.find(), name + " not found");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void readmeFiguresComeFromTheCode() throws Exception {
        String readme = read("README.md").replaceAll("\\s+", " ");
        String js = read("src/main/resources/web/assets/graph.js");
        assertTrue(readme.contains("Labels are at least " + constant(js, "MIN_FONT") + " px at the first view"), "README: label size");
        assertTrue(readme.contains("a neighbourhood of more than " + constant(js, "GROUP_ABOVE") + " nodes is drawn with one box per kind"),
                "README: grouping threshold");
        String table = read("src/main/java/org/w3id/chipgraph/cli/TextTable.java");
        int width = constant(table, "DEFAULT_WIDTH");
        assertTrue(readme.contains("The table fits " + width + " terminal columns"), "README: table width");
        assertTrue(readme.contains("[--width " + width + " \\| --full-width]"), "README: --width default");
    }
}
