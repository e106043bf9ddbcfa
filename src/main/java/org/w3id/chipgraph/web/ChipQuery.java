package org.w3id.chipgraph.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a request to /chips asks for: the date of the classification, the sort column and
 * direction, the filters (designer, country, classification) and the format. Everything is a
 * query parameter, so the page works without script and a CSV link carries the same view.
 * A bad value is refused with a message naming the parameter.
 */
record ChipQuery(LocalDate asOf, String sort, boolean descending, String designer, String country,
                 String classification, boolean csv) {

    static final List<String> FIXED_COLUMNS = List.of("name", "designer", "country", "foundry", "process",
            "tpp", "density", "bandwidth", "released");
    static final Set<String> PARAMETERS = Set.of("asOf", "sort", "dir", "designer", "country", "classification", "format");

    /** A parameter with a value it cannot take (HTTP 400). */
    /** Parses the parameters; the values of sort, designer, country and classification are checked against the table later. */
    static ChipQuery parse(Map<String, String[]> params) {
        for (String name : params.keySet())
            if (!PARAMETERS.contains(name))
                throw new BadRequestException("Unknown parameter '" + name + "'; /chips takes " + String.join(", ", PARAMETERS.stream().sorted().toList()));
        String asOfText = one(params, "asOf");
        LocalDate asOf;
        try {
            asOf = asOfText.isEmpty() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(asOfText);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Parameter 'asOf' expects a date YYYY-MM-DD, not '" + shorten(asOfText) + "'");
        }
        String dir = one(params, "dir");
        if (!dir.isEmpty() && !dir.equals("asc") && !dir.equals("desc"))
            throw new BadRequestException("Parameter 'dir' expects asc or desc, not '" + shorten(dir) + "'");
        String format = one(params, "format");
        if (!format.isEmpty() && !format.equals("html") && !format.equals("csv"))
            throw new BadRequestException("Parameter 'format' expects html or csv, not '" + shorten(format) + "'");
        String sort = one(params, "sort");
        return new ChipQuery(asOf, sort.isEmpty() ? "name" : sort, dir.equals("desc"), one(params, "designer"),
                one(params, "country"), one(params, "classification"), format.equals("csv"));
    }

    private static String one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        if (v != null && v.length > 1)
            throw new BadRequestException("Parameter '" + name + "' is given " + v.length + " times; give it once");
        return v == null || v[0] == null ? "" : v[0].strip();
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** The rows this query shows, filtered and sorted; refuses values that name nothing in the table. */
    List<ChipRow> apply(ChipExplorer.Table table) {
        List<String> sortable = new ArrayList<>(FIXED_COLUMNS);
        table.schemes().forEach(s -> sortable.add(s.key()));
        if (!sortable.contains(sort))
            throw new BadRequestException("Parameter 'sort' expects one of " + String.join(", ", sortable) + ", not '" + shorten(sort) + "'");
        check("designer", designer, options(table.rows(), ChipRow::designerKey, ChipRow::designer));
        check("country", country, options(table.rows(), ChipRow::countryKey, ChipRow::country));
        check("classification", classification, classificationOptions(table));
        List<ChipRow> out = new ArrayList<>();
        for (ChipRow r : table.rows())
            if ((designer.isEmpty() || designer.equals(r.designerKey())) && (country.isEmpty() || country.equals(r.countryKey()))
                    && (classification.isEmpty() || matches(table, r, classification)))
                out.add(r);
        return sorted(out, table);
    }

    private static void check(String param, String value, Map<String, String> options) {
        if (!value.isEmpty() && !options.containsKey(value))
            throw new BadRequestException("Parameter '" + param + "': no chip has " + param + " '" + shorten(value) + "'");
    }

    /** key -> name of the values present, in name order. */
    static Map<String, String> options(List<ChipRow> rows, Function<ChipRow, String> key, Function<ChipRow, String> name) {
        Map<String, String> m = new LinkedHashMap<>();
        rows.stream().filter(r -> !key.apply(r).isEmpty()).sorted(Comparator.comparing(r -> name.apply(r).toLowerCase()))
            .forEach(r -> m.putIfAbsent(key.apply(r), name.apply(r)));
        return m;
    }

    /**
     * "SCHEME:VALUE" -> label, for each scheme: its statuses present and each criterion met
     * (e.g. "eccn-3a090:3A090.a.1"), so one can ask for the chips of one ECCN paragraph.
     */
    static Map<String, String> classificationOptions(ChipExplorer.Table table) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < table.schemes().size(); i++) {
            ChipRow.Scheme s = table.schemes().get(i);
            TreeSet<String> values = new TreeSet<>();
            for (ChipRow r : table.rows()) {
                ChipRow.Classification c = r.classifications().get(i);
                values.add(c.key());
                if (!c.criteria().isEmpty())
                    values.addAll(List.of(c.criteria().split(" ")));
            }
            for (String v : values)
                m.put(s.key() + ":" + v, s.name() + ": " + v.replace('-', ' '));
        }
        return m;
    }

    private static boolean matches(ChipExplorer.Table table, ChipRow r, String option) {
        int colon = option.indexOf(':');
        String scheme = option.substring(0, colon), value = option.substring(colon + 1);
        for (int i = 0; i < table.schemes().size(); i++)
            if (table.schemes().get(i).key().equals(scheme)) {
                ChipRow.Classification c = r.classifications().get(i);
                return c.key().equals(value) || List.of(c.criteria().split(" ")).contains(value);
            }
        return false;
    }

    /** Text by its lower case, numbers by value, ties by name; blanks last in either direction. */
    private List<ChipRow> sorted(List<ChipRow> rows, ChipExplorer.Table table) {
        Function<ChipRow, String> f = switch (sort) {
            case "name" -> ChipRow::name;
            case "designer" -> ChipRow::designer;
            case "country" -> ChipRow::country;
            case "foundry" -> ChipRow::foundries;
            case "process" -> ChipRow::processes;
            case "tpp" -> ChipRow::tpp;
            case "density" -> ChipRow::performanceDensity;
            case "bandwidth" -> ChipRow::memoryBandwidth;
            case "released" -> ChipRow::released;
            default -> schemeText(table, sort);
        };
        boolean numeric = Set.of("tpp", "density", "bandwidth").contains(sort);
        Comparator<ChipRow> byValue = numeric ? Comparator.comparingDouble(r -> Double.parseDouble(f.apply(r)))
                : Comparator.comparing(r -> f.apply(r).toLowerCase());
        if (descending)
            byValue = byValue.reversed();
        Comparator<ChipRow> byName = Comparator.comparing(r -> r.name().toLowerCase());
        List<ChipRow> out = new ArrayList<>(rows.stream().filter(r -> !f.apply(r).isEmpty()).sorted(byValue.thenComparing(byName)).toList());
        out.addAll(rows.stream().filter(r -> f.apply(r).isEmpty()).sorted(byName).toList());
        return out;
    }

    private static Function<ChipRow, String> schemeText(ChipExplorer.Table table, String key) {
        for (int i = 0; i < table.schemes().size(); i++)
            if (table.schemes().get(i).key().equals(key)) {
                int col = i;
                return r -> r.classifications().get(col).text();
            }
        throw new BadRequestException("Parameter 'sort': no column '" + shorten(key) + "'");
    }
}
