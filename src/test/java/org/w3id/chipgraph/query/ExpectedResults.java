package org.w3id.chipgraph.query;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;

/**
 * Expected answers written beside a query as NAME.csv (header of variable names, one row per
 * solution) and the comparison with what the query returned: by value (numbers numerically,
 * language tags and datatypes of text ignored), as a multiset unless the query orders its rows.
 */
public record ExpectedResults(List<String> vars, List<List<String>> rows) {

    public static ExpectedResults readCsv(Path file) throws IOException {
        List<List<String>> records = parseCsv(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        if (records.isEmpty())
            throw new IllegalArgumentException(file + ": empty; the first line must name the variables");
        List<String> vars = records.get(0);
        List<List<String>> rows = new ArrayList<>(records.subList(1, records.size()));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != vars.size())
                throw new IllegalArgumentException(file + ": row " + (i + 2) + " has " + rows.get(i).size()
                        + " fields, the header has " + vars.size());
        }
        return new ExpectedResults(vars, rows);
    }

    /** The actual rows, as the same strings a CSV would hold. */
    public static List<List<String>> actualRows(RowSetRewindable rs, List<String> vars) {
        rs.reset();
        List<List<String>> out = new ArrayList<>();
        while (rs.hasNext()) {
            Binding b = rs.next();
            List<String> row = new ArrayList<>();
            for (String v : vars) {
                Node n = b.get(Var.alloc(v));
                row.add(n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : "_:" + n.getBlankNodeLabel());
            }
            out.add(row);
        }
        return out;
    }

    /** Null when equal, otherwise a readable account of the difference. */
    public String compare(List<List<String>> actual, boolean ordered) {
        List<String> exp = rows.stream().map(ExpectedResults::key).toList();
        List<String> act = actual.stream().map(ExpectedResults::key).toList();
        if (!ordered) {
            exp = new ArrayList<>(exp);
            act = new ArrayList<>(act);
            Collections.sort(exp);
            Collections.sort(act);
        }
        if (exp.equals(act))
            return null;
        List<String> missing = new ArrayList<>(exp);
        act.forEach(missing::remove);
        List<String> extra = new ArrayList<>(act);
        exp.forEach(extra::remove);
        StringBuilder sb = new StringBuilder();
        if (!missing.isEmpty())
            sb.append("expected but missing:\n  ").append(String.join("\n  ", missing)).append('\n');
        if (!extra.isEmpty())
            sb.append("returned but not expected:\n  ").append(String.join("\n  ", extra)).append('\n');
        if (missing.isEmpty() && extra.isEmpty())
            sb.append("same rows, different order:\n  expected ").append(exp).append("\n  actual   ").append(act);
        return sb.toString();
    }

    /** One row as a comparable string: numbers in canonical form, text as is. */
    static String key(List<String> row) {
        List<String> parts = new ArrayList<>();
        for (String v : row)
            parts.add(normalize(v));
        return String.join(" | ", parts);
    }

    static String normalize(String v) {
        String t = v.strip();
        if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            try {
                BigDecimal d = new BigDecimal(t).stripTrailingZeros();
                return d.signum() == 0 ? "0" : d.toPlainString();
            } catch (NumberFormatException e) {
                // Looked numeric but is not a decimal BigDecimal reads: compared as text.
                return t;
            }
        }
        return t;
    }

    /** RFC 4180: commas, double quotes doubled inside quoted fields, newlines inside quotes. */
    static List<List<String>> parseCsv(Reader r) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false;
        int c;
        while ((c = r.read()) != -1) {
            char ch = (char) c;
            if (ch == '\uFEFF' && !any && records.isEmpty())
                continue;
            any = true;
            if (quoted) {
                if (ch == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') field.append('"');
                    else { quoted = false; if (next != -1) { r.reset(); } }
                } else field.append(ch);
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                rec.add(field.toString()); field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') { r.mark(1); if (r.read() != '\n') r.reset(); }
                rec.add(field.toString()); field.setLength(0);
                if (!(rec.size() == 1 && rec.get(0).isEmpty()))
                    records.add(rec);
                rec = new ArrayList<>();
            } else field.append(ch);
        }
        if (field.length() > 0 || !rec.isEmpty()) {
            rec.add(field.toString());
            records.add(rec);
        }
        return records;
    }
}
