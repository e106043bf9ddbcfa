package org.w3id.chipgraph.epoch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/**
 * The expected rows of query W1 ({@code queries/w1-classification-on-date.csv}, 2024-01-01) are
 * not just what the query once returned: every row of a chip that comes from Epoch's hardware
 * file is computed here again, without the graph, from that file's columns and the thresholds of
 * the October 2023 rule (facts: domain-facts.md, 88 FR 73458, in force from 17 Nov 2023):
 * 3A090.a.1 TPP >= 4800; a.2 TPP >= 1600 and PD >= 5.92; b.1 2400 <= TPP < 4800 and
 * 1.6 <= PD < 5.92; b.2 TPP >= 1600 and 3.2 <= PD < 5.92. TPP = "Total processing performance
 * (bit-OP/s)" / 1e12; PD = TPP / "Die Size (mm^2)". A criterion whose known specs pass but which
 * needs a missing one is undetermined. The 3A090.c (HBM, Dec 2024) and the January 2026 band are
 * not in force on that day or not paragraphs of 3A090. Rows the mapping file makes a curated chip
 * ({@code same}) carry the curated specs and are checked by the R6 tests instead.
 */
class W1ExpectationTest {
    static final Path HARDWARE = TestGraph.PROJECT.resolve("data/epoch-ai/ml_hardware.csv");
    static final Path EXPECTED = TestGraph.PROJECT.resolve("queries/w1-classification-on-date.csv");
    static final Path MAPPING = TestGraph.PROJECT.resolve("data/epoch-mapping.csv");

    record Expected(String status, String paragraphs, String missing) {}

    @Test
    void everyEpochChipRowOfTheExpectationFollowsFromTheDatasetAndTheRule() throws IOException {
        Map<String, CSVRecord> expected = new HashMap<>();
        for (CSVRecord r : read(EXPECTED))
            expected.put(r.get("chip"), r);
        Set<String> curated = new LinkedHashSet<>();
        for (CSVRecord m : read(MAPPING))
            if (m.get("kind").equals("hardware") && m.get("relation").equals("same"))
                curated.add(m.get("epoch_name"));
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (CSVRecord row : read(HARDWARE)) {
            String name = row.get("Hardware name").strip();
            if (curated.contains(name) || !expected.containsKey(name))
                continue;  // a curated chip (by the mapping, or by its name under the curated label)
            BigDecimal tpp = number(row.get("Total processing performance (bit-OP/s)"), new BigDecimal("1e-12"));
            BigDecimal die = number(row.get("Die Size (mm^2)"), BigDecimal.ONE);
            BigDecimal pd = tpp == null || die == null || die.signum() == 0 ? null : tpp.divide(die, 4, RoundingMode.FLOOR);
            Expected want = classify(tpp, pd);
            CSVRecord got = expected.get(name);
            Expected have = new Expected(got.get("status"), got.get("paragraphs"), got.get("missingSpecs"));
            if (!want.equals(have))
                wrong.add(name + ": TPP " + tpp + ", PD " + pd + " gives " + want + ", the expectation says " + have);
            // the file's bit-OP/s are floating-point sums (T4: 1.0420799999999984e15): equal to 1e-6
            if (tpp != null && new BigDecimal(got.get("tpp")).subtract(tpp).abs().compareTo(new BigDecimal("1e-6")) > 0)
                wrong.add(name + ": TPP " + tpp + ", the expectation says " + got.get("tpp"));
            checked++;
        }
        assertEquals(List.of(), wrong);
        // 169 rows: the 19 curated chips (mapping 'same' or curated name) are left to the R6 tests
        assertTrue(checked >= 140, "rows checked: " + checked);
    }

    /** Status, paragraphs and missing specs on 2024-01-01 under the four criteria of the 2023 rule. */
    static Expected classify(BigDecimal tpp, BigDecimal pd) {
        Map<String, Boolean> met = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        met.put("3A090.a.1", criterion(tpp, pd, "4800", null, null, null, missing));
        met.put("3A090.a.2", criterion(tpp, pd, "1600", null, "5.92", null, missing));
        met.put("3A090.b.1", criterion(tpp, pd, "2400", "4800", "1.6", "5.92", missing));
        met.put("3A090.b.2", criterion(tpp, pd, "1600", null, "3.2", "5.92", missing));
        List<String> yes = met.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
        List<String> unknown = met.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        if (!yes.isEmpty())
            return new Expected("meets", String.join(" ", yes), "");
        if (!unknown.isEmpty())
            return new Expected("undetermined", String.join(" ", unknown), String.join(" ", missing));
        return new Expected("neither", "", "");
    }

    /**
     * TRUE met, FALSE failed by a known spec, null undetermined (the missing spec added to
     * {@code missing}: TPP first, as the query names it, then the die area).
     */
    static Boolean criterion(BigDecimal tpp, BigDecimal pd, String tppMin, String tppBelow, String pdMin, String pdBelow,
                             Set<String> missing) {
        if (tpp != null && (tpp.compareTo(new BigDecimal(tppMin)) < 0 || tppBelow != null && tpp.compareTo(new BigDecimal(tppBelow)) >= 0))
            return false;
        if (pdMin != null && pd != null && (pd.compareTo(new BigDecimal(pdMin)) < 0 || pdBelow != null && pd.compareTo(new BigDecimal(pdBelow)) >= 0))
            return false;
        if (tpp == null) {
            missing.add("TPP");
            return null;
        }
        if (pdMin != null && pd == null) {
            missing.add("performance-density(die-area)");
            return null;
        }
        return true;
    }

    static BigDecimal number(String text, BigDecimal scale) {
        String t = text.strip();
        return t.isEmpty() ? null : new BigDecimal(t).multiply(scale);
    }

    static List<CSVRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF"))
            text = text.substring(1);
        try (Reader in = new StringReader(text);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }
}
