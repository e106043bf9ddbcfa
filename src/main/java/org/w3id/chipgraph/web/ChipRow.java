package org.w3id.chipgraph.web;

import java.util.List;

/**
 * One chip as the explorer (/chips) shows it: its page, designer and the designer's country,
 * foundries, processes, specs as text (blank when unknown), release date, and one
 * {@link Classification} per scheme, in the order of the page's columns. Public because the
 * compiled templates live in jte's own package.
 */
public record ChipRow(String href, String name, String designerHref, String designer, String designerKey,
                      String country, String countryKey, String foundries, String processes,
                      String tpp, String performanceDensity, String memoryBandwidth, String released,
                      List<Classification> classifications) {

    /**
     * A chip's standing under one scheme on the chosen date: a status (meets, undetermined,
     * none, not in force), the criteria met, and the specs missing when undetermined.
     */
    public record Classification(String status, String criteria, String missingSpecs) {
        /** What a reader sees in the cell and in the CSV. */
        public String text() {
            return switch (status) {
                case "meets" -> criteria;
                case "undetermined" -> missingSpecs.isEmpty() ? "undetermined" : "undetermined: " + missingSpecs + " unknown";
                case "none" -> "none met";
                default -> status;
            };
        }

        /** The status as a CSS class and filter key. */
        public String key() {
            return status.replace(' ', '-');
        }
    }

    /** A classification column: the scheme's IRI key (its local name) and its name. */
    public record Scheme(String key, String name) {}
}
