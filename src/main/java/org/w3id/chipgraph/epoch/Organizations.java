package org.w3id.chipgraph.epoch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.input.LoadException;

/**
 * Turns Epoch's organization and country names into chipgraph entities: the mapping file
 * first, then an existing entity of that name (any label or other name, any language,
 * normalized), then an organization or country created here (English label, the Chinese name
 * from the mapping file when it gives one). Created entities are declared once, in the graph
 * of the stage that first needs them.
 */
final class Organizations {
    static final Node PROV_DERIVED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    /** Names in the country column that are not a country. */
    static final Set<String> NOT_COUNTRIES = Set.of("Multinational");

    private final Known known;
    private final EpochMapping mapping;
    private final Triples out;
    private final Node graph;
    private final Node source;
    private final Map<String, Node> created = new HashMap<>();
    final Set<String> matched = new TreeSet<>();
    final Set<String> createdNames = new TreeSet<>();
    final Set<String> createdCountries = new TreeSet<>();

    Organizations(Known known, EpochMapping mapping, Triples out, Node graph, Node source) {
        this.known = known;
        this.mapping = mapping;
        this.out = out;
        this.graph = graph;
        this.source = source;
    }

    /** The organization named {@code name}; a new one is typed {@code newClass}. */
    Node organization(String name, String newClass, String where) {
        return resolve("organization", "Organization", name, newClass, where);
    }

    /** The country named {@code name}, or empty for a name that is no country ("Multinational"). */
    Optional<Node> country(String name, String where) {
        if (NOT_COUNTRIES.contains(name))
            return Optional.empty();
        return Optional.of(resolve("country", "Country", name, "Country", where));
    }

    boolean isNew(Node n) {
        return created.containsValue(n);
    }

    private Node resolve(String kind, String cls, String name, String newClass, String where) {
        String key = kind + "\t" + Known.norm(name);
        Node done = created.get(key);
        if (done != null)
            return done;
        Optional<EpochMapping.Entry> m = mapping.find(kind, name);
        if (m.isPresent() && m.get().relation().equals("same")) {
            Node n = m.get().iri();
            if (!known.isA(n, cls))
                throw new LoadException(LoadException.INPUT, m.get().where() + ": <" + n.getURI() + "> is not a known cg:" + cls
                        + " (the " + kind + " '" + name + "' of " + where + " is mapped to it)");
            matched.add(name + " = " + local(n));
            created.put(key, n);
            // the mapping may give a known organization the country it lacks
            m.get().country().filter(c -> !known.has(n, Known.cg("headquarteredIn")))
                    .ifPresent(c -> out.add(graph, n, Known.cg("headquarteredIn"), c, m.get().where()));
            return n;
        }
        if (m.isEmpty()) {
            List<Node> same = known.named(name, cls);
            if (same.size() > 1)
                throw new LoadException(LoadException.INPUT, where + ": the " + kind + " '" + name + "' names " + same.size()
                        + " entities " + same + ": say which in " + mapping.file());
            if (same.size() == 1) {
                created.put(key, same.get(0));
                return same.get(0);
            }
        }
        Node n = m.map(EpochMapping.Entry::iri).orElseGet(() -> freeIri(Known.slug(name), cls));
        created.put(key, n);
        if (known.isA(n, cls))
            return n;   // declared by an earlier stage
        (kind.equals("country") ? createdCountries : createdNames).add(name);
        out.add(graph, n, RDF.type.asNode(), Known.cg(newClass), where);
        out.add(graph, n, RDFS.label.asNode(), Triples.en(name), where);
        out.add(graph, n, PROV_DERIVED, source, where);
        m.ifPresent(e -> {
            if (!e.labelZh().isEmpty())
                out.add(graph, n, RDFS.label.asNode(), Triples.lang(e.labelZh(), "zh"), e.where());
            e.country().ifPresent(c -> out.add(graph, n, Known.cg("headquarteredIn"), c, e.where()));
        });
        return n;
    }

    /** id:slug, or id:slug-org / id:slug-country when the slug is taken by something else. */
    private Node freeIri(String slug, String cls) {
        Node n = NodeFactory.createURI(Chipgraph.ID + slug);
        if (!known.exists(n) || known.isA(n, cls))
            return n;
        return NodeFactory.createURI(Chipgraph.ID + slug + "-" + cls.toLowerCase());
    }

    /** {@code id:slug} of an entity, for the report. */
    static String local(Node n) {
        return "id:" + n.getURI().substring(Chipgraph.ID.length());
    }

    /** Epoch's name as another name of a known entity, unless it already has that name. */
    static void altLabel(Triples out, Node graph, Node s, String name, Known known, String where) {
        if (!known.named(name, "Product").contains(s) && !known.named(name, "Organization").contains(s))
            out.add(graph, s, SKOS.altLabel.asNode(), Triples.en(name), where);
    }
}
