package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What chips.jte shows: the date, the filter choices (with the chosen one marked), the column
 * headers as sort links, the rows shown, and the link to the same view as CSV. Public because
 * the compiled templates live in jte's own package.
 */
public record ChipsView(String asOf, List<Option> designers, List<Option> countries, List<Option> classifications,
                        String sort, String dir, List<Header> headers, List<ChipRow.Scheme> schemes,
                        List<ChipRow> rows, int total, String csvHref, String resetHref) {

    /** A choice in a filter: its parameter value, label and whether it is the one chosen. */
    public record Option(String value, String label, boolean selected) {}

    /** The choices of a filter, value to label, with the chosen one marked. */
    static List<Option> options(Map<String, String> m, String chosen) {
        List<Option> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Option(k, v, k.equals(chosen))));
        return out;
    }

    /** A column header: its label, the link that sorts by it (or turns the order round), and aria-sort. */
    public record Header(String key, String label, String href, String ariaSort, boolean numeric, boolean scheme) {}
}
