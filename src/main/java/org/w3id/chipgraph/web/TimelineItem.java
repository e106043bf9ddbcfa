package org.w3id.chipgraph.web;

import java.util.Set;

/**
 * A measure (or an event answering one) on the timeline: its page, name, first date (a day, or
 * a year when only that is known), kind, issuers, the government it belongs to (its lane), what
 * it targets, and its source. Keys are local names under /id/ (and class local names for kinds),
 * as the filters take them. Public because the compiled templates live in jte's own package.
 */
public record TimelineItem(String key, String href, String label, String when, String kindKey, String kindName,
                           String issuers, Set<String> issuerKeys, String government, String governmentName,
                           Set<String> targetKeys, String sourceHref, String sourceName, String sourceUrl) {

    /** Whether only the year is known. */
    public boolean yearOnly() {
        return when.length() == 4;
    }

    /** The date it sorts and is placed by: 1 January for a year. */
    String sortDate() {
        return yearOnly() ? when + "-01-01" : when;
    }
}
