package org.w3id.chipgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Every figure of a benchmark run: printed as tables (median, min-max) and written as CSV. */
final class Results {
    record Row(String scale, String section, String measure, String system, String unit, List<Double> values, String note) {
        double median() { return percentile(values, 50); }
        double min() { return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN); }
        double max() { return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN); }
        boolean hasValue() { return !values.isEmpty(); }
    }

    final List<Row> rows = new ArrayList<>();

    void add(String scale, String section, String measure, String system, String unit, List<Double> values, String note) {
        rows.add(new Row(scale, section, measure, system, unit, List.copyOf(values), note));
    }

    /** A distribution of per-question times in ms: its p50 and p99 (one figure each, over all questions). */
    void addPercentiles(String scale, String section, String measure, String system, double[] ms, String note) {
        List<Double> l = new ArrayList<>();
        for (double d : ms) l.add(d);
        add(scale, section, measure + ": p50", system, "ms", List.of(percentile(l, 50)), note + " (" + ms.length + " questions)");
        add(scale, section, measure + ": p99", system, "ms", List.of(percentile(l, 99)), "");
    }

    /** Per-question times in ms of each run: p50 and p99 of every run, so that the rows show median, min and max over runs. */
    void addRunPercentiles(String scale, String section, String measure, String system, List<double[]> runs, String note) {
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>();
        for (double[] ms : runs) {
            List<Double> l = new ArrayList<>();
            for (double d : ms) l.add(d);
            p50.add(percentile(l, 50));
            p99.add(percentile(l, 99));
        }
        String n = runs.isEmpty() ? "" : "(" + runs.get(0).length + " questions a run)";
        add(scale, section, measure + ": p50", system, "ms", p50, note.isEmpty() ? n : note + " " + n);
        add(scale, section, measure + ": p99", system, "ms", p99, "");
    }

    void note(String scale, String section, String measure, String system, String note) {
        rows.add(new Row(scale, section, measure, system, "", List.of(), note));
    }

    Row find(String scale, String measure, String system) {
        for (Row r : rows)
            if (r.scale.equals(scale) && r.measure.equals(measure) && r.system.equals(system) && r.hasValue()) return r;
        return null;
    }

    Row findPrefix(String scale, String measurePrefix, String system) {
        for (Row r : rows)
            if (r.scale.equals(scale) && r.measure.startsWith(measurePrefix) && r.system.equals(system) && r.hasValue()) return r;
        return null;
    }

    Row findNote(String scale, String measurePrefix, String system) {
        for (Row r : rows)
            if (r.scale.equals(scale) && r.measure.startsWith(measurePrefix) && r.system.equals(system) && !r.hasValue()) return r;
        return null;
    }

    List<String> scales() {
        Set<String> s = new LinkedHashSet<>();
        rows.forEach(r -> s.add(r.scale));
        return new ArrayList<>(s);
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rank = p / 100.0 * (v.length - 1);
        int lo = (int) Math.floor(rank), hi = (int) Math.ceil(rank);
        return v[lo] + (v[hi] - v[lo]) * (rank - lo);
    }

    static String fmt(double d) {
        if (Double.isNaN(d)) return "-";
        double a = Math.abs(d);
        if (a >= 1e6) return String.format(Locale.ROOT, "%,.0f", d);
        if (a >= 100) return String.format(Locale.ROOT, "%,.0f", d);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", d);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", d);
        if (a >= 0.001 || a == 0) return String.format(Locale.ROOT, "%.3f", d);
        return String.format(Locale.ROOT, "%.3g", d);   // three significant digits, not 0.000
    }

    void print(PrintStream out) {
        for (String sc : scales()) {
            out.println();
            out.println("### " + (sc.equals("curated") ? "Curated graph" : "Scale " + sc));
            out.println();
            out.println("| section | measure | system | median | min - max | runs | unit | note |");
            out.println("|---|---|---|---:|---:|---:|---|---|");
            for (Row r : rows) {
                if (!r.scale.equals(sc)) continue;
                if (!r.hasValue()) {
                    out.printf("| %s | %s | %s | - | - | - | | %s |%n", r.section, r.measure, r.system, r.note);
                    continue;
                }
                String range = r.values.size() > 1 ? fmt(r.min()) + " - " + fmt(r.max()) : "";
                out.printf("| %s | %s | %s | %s | %s | %d | %s | %s |%n", r.section, r.measure, r.system, fmt(r.median()), range,
                        r.values.size(), r.unit, r.note);
            }
        }
    }

    void writeCsv(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("scale,section,measure,system,unit,median,min,max,runs,values,note\n");
        for (Row r : rows) {
            sb.append(csv(r.scale)).append(',').append(csv(r.section)).append(',').append(csv(r.measure.strip())).append(',')
              .append(csv(r.system)).append(',').append(csv(r.unit)).append(',');
            if (r.hasValue())
                sb.append(r.median()).append(',').append(r.min()).append(',').append(r.max()).append(',').append(r.values.size());
            else
                sb.append(",,,0");
            sb.append(',').append(csv(String.join(" ", r.values.stream().map(d -> Double.toString(d)).toList())))
              .append(',').append(csv(r.note)).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
