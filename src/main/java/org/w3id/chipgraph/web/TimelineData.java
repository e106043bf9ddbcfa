package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.Chipgraph;

/**
 * The data of the measures timeline (/timeline): its items from the catalogue query
 * {@code timeline-items} (one row per item, issuer and target, grouped here) and the links
 * between them from {@code timeline-links}, both in queries/ with their expected answers.
 */
final class TimelineData {
    static final String ITEMS_QUERY = "timeline-items";
    static final String LINKS_QUERY = "timeline-links";

    /** A link from a later item to the earlier one it changes or answers. */
    record Link(String from, String to, String kindKey, String kindName) {}

    /** Every item in date order, every link, and the names of the filter values present. */
    record All(List<TimelineItem> items, List<Link> links, Map<String, String> issuers, Map<String, String> targets,
               Map<String, String> kinds) {}

    private final CatalogQueryRunner queries;

    TimelineData(CatalogQueryRunner queries) {
        this.queries = queries;
    }

    All load(StoreContext store) {
        Map<String, Builder> items = new LinkedHashMap<>();
        Map<String, String> issuers = new TreeMap<>(), targets = new TreeMap<>(), kinds = new TreeMap<>();
        RowSetRewindable rows = queries.run(store, ITEMS_QUERY, Map.of());
        while (rows.hasNext()) {
            Binding b = rows.next();
            Builder it = items.computeIfAbsent(key(b, "item"), k -> new Builder(b));
            it.issuers.put(key(b, "issuer"), text(b, "issuerShort").isEmpty() ? text(b, "issuerName") : text(b, "issuerShort"));
            issuers.put(key(b, "issuer"), text(b, "issuerName"));
            issuers.put(key(b, "government"), text(b, "governmentName"));
            kinds.put(it.kindKey, it.kindName);
            if (b.get(Var.alloc("target")) != null) {
                it.targets.add(key(b, "target"));
                targets.put(key(b, "target"), text(b, "targetName"));
            }
        }
        List<TimelineItem> list = new ArrayList<>(items.values().stream().map(Builder::build).toList());
        list.sort((a, c) -> a.sortDate().equals(c.sortDate()) ? a.label().compareToIgnoreCase(c.label()) : a.sortDate().compareTo(c.sortDate()));
        return new All(list, links(store), byName(issuers), byName(targets), byName(kinds));
    }

    private List<Link> links(StoreContext store) {
        List<Link> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        RowSetRewindable rows = queries.run(store, LINKS_QUERY, Map.of());
        while (rows.hasNext()) {
            Binding b = rows.next();
            String from = key(b, "from"), to = key(b, "to"), kind = localName(b.get(Var.alloc("link")));
            // a symmetric link (same requirement as) is drawn once
            String pair = from.compareTo(to) < 0 ? from + " " + to : to + " " + from;
            if (seen.add(kind + " " + (kind.equals("sameRequirementAs") ? pair : from + " " + to)))
                out.add(new Link(from, to, kind, text(b, "linkName")));
        }
        return out;
    }

    private static Map<String, String> byName(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER)).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** One item as its rows come in. */
    private static final class Builder {
        final String key, href, label, when, kindKey, kindName, government, governmentName, sourceHref, sourceName, sourceUrl;
        final Map<String, String> issuers = new LinkedHashMap<>();
        final Set<String> targets = new LinkedHashSet<>();

        Builder(Binding b) {
            Node item = b.get(Var.alloc("item")), source = b.get(Var.alloc("source"));
            key = key(b, "item");
            href = Links.entityHref(item.getURI());
            label = text(b, "label");
            when = text(b, "when");
            kindKey = localName(b.get(Var.alloc("kind")));
            kindName = text(b, "kindName");
            government = key(b, "government");
            governmentName = text(b, "governmentName");
            sourceHref = source == null ? null : Links.entityHref(source.getURI());
            sourceName = text(b, "sourceName");
            sourceUrl = text(b, "sourceUrl").startsWith("https://") || text(b, "sourceUrl").startsWith("http://") ? text(b, "sourceUrl") : null;
        }

        TimelineItem build() {
            Set<String> issuerKeys = new LinkedHashSet<>(issuers.keySet());
            issuerKeys.add(government);
            return new TimelineItem(key, href, label, when, kindKey, kindName, String.join(", ", issuers.values()), issuerKeys,
                    government, governmentName, targets, sourceHref, sourceName, sourceUrl);
        }
    }

    static String text(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : "";
    }

    static String key(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        if (n == null || !n.isURI())
            return "";
        String iri = n.getURI();
        return iri.startsWith(Chipgraph.ID) ? iri.substring(Chipgraph.ID.length()) : iri;
    }

    private static String localName(Node n) {
        String iri = n == null ? "" : n.getURI();
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }
}
