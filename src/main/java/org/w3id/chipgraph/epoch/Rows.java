package org.w3id.chipgraph.epoch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3id.chipgraph.eto.CsvTable;

/** Checked readings of Epoch's CSV fields: a malformed value stops the load with file:line. */
final class Rows {
    private Rows() {}

    private static final Pattern URL = Pattern.compile("https?://[^\\s;,]+");

    /** A non-negative number, or empty when the field is empty. */
    static Optional<BigDecimal> number(CsvTable.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty())
            return Optional.empty();
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw r.error("bad '" + column + "' value '" + v + "' (want a number such as 1.5832e+16)");
        }
        if (d.signum() < 0)
            throw r.error("bad '" + column + "' value '" + v + "' (must not be negative)");
        return Optional.of(d);
    }

    /** A whole number of at least 1, or empty; "512.0" is 512. */
    static Optional<Long> count(CsvTable.Row r, String column) {
        Optional<BigDecimal> d = number(r, column);
        if (d.isEmpty())
            return Optional.empty();
        try {
            long n = d.get().stripTrailingZeros().longValueExact();
            if (n < 1)
                throw r.error("bad '" + column + "' value '" + r.get(column) + "' (want a count of at least 1)");
            return Optional.of(n);
        } catch (ArithmeticException e) {
            throw r.error("bad '" + column + "' value '" + r.get(column) + "' (want a whole number)");
        }
    }

    /** An ISO date (YYYY-MM-DD), or empty. */
    static Optional<String> date(CsvTable.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty())
            return Optional.empty();
        String day = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) : v;   // "2025-11-12 10:27:59+00:00"
        try {
            return Optional.of(LocalDate.parse(day).toString());
        } catch (DateTimeParseException e) {
            throw r.error("bad '" + column + "' value '" + v + "' (want a date YYYY-MM-DD)");
        }
    }

    /** A required text field. */
    static String required(CsvTable.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty())
            throw r.error("empty '" + column + "' (every row needs one)");
        return v;
    }

    /** The comma-separated items of a field, stripped, empties dropped. */
    static List<String> list(CsvTable.Row r, String column) {
        List<String> out = new ArrayList<>();
        for (String s : r.get(column).split(","))
            if (!s.isBlank())
                out.add(s.strip());
        return out;
    }

    /** The http(s) addresses in a field (Epoch separates several by line breaks or ";"). */
    static List<String> urls(CsvTable.Row r, String column) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(r.get(column));
        while (m.find())
            out.add(m.group());
        return out;
    }
}
