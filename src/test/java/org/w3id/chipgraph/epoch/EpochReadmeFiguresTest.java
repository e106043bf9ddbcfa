package org.w3id.chipgraph.epoch;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/**
 * The README's figures for the shipped Epoch AI files are the ones the load reports: each number
 * in its "With the shipped files" sentence and its unresolved-names count is read from the README
 * and looked for in the default load's own report, so the README cannot drift from the code.
 */
class EpochReadmeFiguresTest {
    static final Pattern SHIPPED = Pattern.compile("With the shipped files: (\\d+) rows are curated chips, (\\d+) new variants"
            + "[^,]*, (\\d+) new chips; (\\d+) models \\((\\d+) curated\\),\\s+(\\d+) trained-on links; (\\d+) organizations and (\\d+) countries created");
    static final Pattern UNRESOLVED = Pattern.compile("training-hardware names that resolve to no chip: (\\d+) names in (\\d+) mentions");

    @Test
    void theReadmesEpochFiguresAreTheLoadReportsOwn() throws Exception {
        String readme = Files.readString(TestGraph.PROJECT.resolve("README.md")).replaceAll("\\s+", " ");
        Matcher m = SHIPPED.matcher(readme);
        assertTrue(m.find(), "the README states the shipped files' figures in its Epoch section");
        String log = TestGraph.fullLoadLog();
        assertTrue(log.contains(m.group(1) + " curated chips (gaps filled), " + m.group(2) + " new variants of curated chips, "
                + m.group(3) + " new chips"), "hardware figures " + m.group(1) + "/" + m.group(2) + "/" + m.group(3) + " in:\n" + log);
        assertTrue(log.contains("read " + m.group(4) + " model rows (" + m.group(5) + " of them curated models); " + m.group(6) + " trained-on links"),
                "model figures in:\n" + log);
        // Organizations: the hardware stage's makers and foundries plus the models stage's labs.
        Matcher byHardware = Pattern.compile("organizations created \\((\\d+)\\)").matcher(log);
        Matcher byModels = Pattern.compile("organizations created: (\\d+); countries created \\((\\d+)").matcher(log);
        assertTrue(byHardware.find() && byModels.find(), "both stages report the organizations they create:\n" + log);
        assertEquals(Integer.parseInt(m.group(7)), Integer.parseInt(byHardware.group(1)) + Integer.parseInt(byModels.group(1)),
                "organizations created by the two stages");
        assertEquals(m.group(8), byModels.group(2), "countries created");
        Matcher u = UNRESOLVED.matcher(readme);
        assertTrue(u.find(), "the README states how many training-hardware names resolve to no chip");
        assertTrue(log.contains("training-hardware names resolved to no chip (" + u.group(1) + " names, " + u.group(2)),
                "unresolved names " + u.group(1) + " in " + u.group(2) + " mentions, in:\n" + log);
    }
}
