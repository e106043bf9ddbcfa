package org.w3id.chipgraph.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.Chipgraph;

/**
 * The data of the chip explorer (/chips): every chip from the catalogue query
 * {@code chip-explorer}, with its classification under each scheme on a date from
 * {@code chip-classification} (both in queries/, tested there), joined by chip.
 */
final class ChipExplorer {
    static final String CHIPS_QUERY = "chip-explorer";
    static final String CLASSIFICATION_QUERY = "chip-classification";

    /** All chips with their classifications on one date, and the schemes in column order. */
    record Table(List<ChipRow.Scheme> schemes, List<ChipRow> rows) {}

    private final CatalogQueryRunner queries;

    ChipExplorer(CatalogQueryRunner queries) {
        this.queries = queries;
    }

    Table load(StoreContext store, LocalDate asOf) {
        RowSetRewindable classes = queries.run(store, CLASSIFICATION_QUERY, Map.of("asOf", asOf.toString()));
        // scheme key -> name, and chip IRI -> (scheme key -> classification)
        Map<String, String> schemes = new LinkedHashMap<>();
        Map<String, Map<String, ChipRow.Classification>> byChip = new LinkedHashMap<>();
        while (classes.hasNext()) {
            Binding b = classes.next();
            String scheme = key(b.get(Var.alloc("scheme")));
            schemes.putIfAbsent(scheme, text(b, "schemeName"));
            byChip.computeIfAbsent(iri(b, "chip"), k -> new LinkedHashMap<>())
                  .put(scheme, new ChipRow.Classification(text(b, "status"), text(b, "criteria"), text(b, "missingSpecs")));
        }
        List<ChipRow.Scheme> columns = orderSchemes(schemes);
        List<ChipRow> rows = new ArrayList<>();
        RowSetRewindable chips = queries.run(store, CHIPS_QUERY, Map.of());
        while (chips.hasNext())
            rows.add(row(chips.next(), columns, byChip));
        return new Table(columns, rows);
    }

    /** ECCNs first (they are what "classification" usually means), then the measures, each by name. */
    private static List<ChipRow.Scheme> orderSchemes(Map<String, String> schemes) {
        List<ChipRow.Scheme> out = new ArrayList<>();
        schemes.forEach((k, n) -> out.add(new ChipRow.Scheme(k, n)));
        out.sort((a, b) -> {
            boolean ea = a.key().startsWith("eccn-"), eb = b.key().startsWith("eccn-");
            return ea != eb ? (ea ? -1 : 1) : a.name().compareToIgnoreCase(b.name());
        });
        return out;
    }

    private static ChipRow row(Binding b, List<ChipRow.Scheme> columns, Map<String, Map<String, ChipRow.Classification>> byChip) {
        String chip = iri(b, "chip");
        Map<String, ChipRow.Classification> mine = byChip.getOrDefault(chip, Map.of());
        List<ChipRow.Classification> cells = columns.stream()
                .map(s -> mine.getOrDefault(s.key(), new ChipRow.Classification("not in force", "", ""))).toList();
        String designer = iri(b, "designer"), country = iri(b, "country");
        return new ChipRow(Links.entityHref(chip), text(b, "name"), designer.isEmpty() ? null : Links.entityHref(designer),
                text(b, "designerName"), key(b.get(Var.alloc("designer"))), text(b, "countryName"), key(b.get(Var.alloc("country"))),
                text(b, "foundries"), text(b, "processes"), number(b, "tpp"), number(b, "performanceDensity"),
                number(b, "memoryBandwidthGBps"), text(b, "released"), cells);
    }

    private static String text(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : "";
    }

    private static String iri(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        return n != null && n.isURI() ? n.getURI() : "";
    }

    /** A number as people write it: no trailing ".0". */
    private static String number(Binding b, String var) {
        String s = text(b, var);
        return s.contains(".") && !s.contains("E") ? s.replaceFirst("\\.?0+$", "") : s;
    }

    /** The key of one of our IRIs in URLs and filters: its local name under /id/ (e.g. "nvidia"); "" for none. */
    static String key(Node n) {
        if (n == null || !n.isURI())
            return "";
        String iri = n.getURI();
        return iri.startsWith(Chipgraph.ID) ? iri.substring(Chipgraph.ID.length()) : iri;
    }
}
