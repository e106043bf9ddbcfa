package org.w3id.chipgraph.epoch;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.chipgraph.Chipgraph;

/**
 * What the parsed inputs already say, for reconciliation: each entity's types (with their
 * superclasses from the ontology), its names (rdfs:label and skos:altLabel in any language,
 * normalized) and which of its properties have values. Entities of the imports that ran before
 * are included, so the models stage sees the hardware stage's chips.
 */
final class Known {
    private final Graph ontology;
    private final DatasetGraph data;
    private final Map<Node, Set<Node>> types = new HashMap<>();
    private final Map<String, List<Node>> byName = new HashMap<>();

    Known(Graph ontology, DatasetGraph data) {
        this.ontology = ontology;
        this.data = data;
        data.find(Node.ANY, Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(q ->
                types.computeIfAbsent(q.getSubject(), k -> new HashSet<>()).addAll(superClasses(q.getObject())));
        for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode()))
            data.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                if (q.getObject().isLiteral())
                    byName.computeIfAbsent(norm(q.getObject().getLiteralLexicalForm()), k -> new ArrayList<>()).add(q.getSubject());
            });
    }

    static Node cg(String local) {
        return NodeFactory.createURI(Chipgraph.NS + local);
    }

    private Set<Node> superClasses(Node c) {
        Set<Node> out = new HashSet<>();
        List<Node> todo = new ArrayList<>(List.of(c));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (out.add(n))
                ontology.find(n, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> todo.add(t.getObject()));
        }
        return out;
    }

    boolean exists(Node n) {
        return types.containsKey(n);
    }

    boolean isA(Node n, String cgClass) {
        return types.getOrDefault(n, Set.of()).contains(cg(cgClass));
    }

    /** The entities of class {@code cgClass} named {@code name} (any language, normalized). */
    List<Node> named(String name, String cgClass) {
        return byName.getOrDefault(norm(name), List.of()).stream().filter(n -> isA(n, cgClass)).distinct().toList();
    }

    /** Whether anything already states a value of {@code p} for {@code s}. */
    boolean has(Node s, Node p) {
        return data.contains(Node.ANY, s, p, Node.ANY);
    }

    /** Whether anything already states {@code s p o}. */
    boolean states(Node s, Node p, Node o) {
        return data.contains(Node.ANY, s, p, o);
    }

    /** The objects of {@code s p ?} in any graph. */
    List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        data.find(Node.ANY, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    /** Whether anything already states {@code ? p o}. */
    boolean hasSubjectFor(Node p, Node o) {
        return data.contains(Node.ANY, Node.ANY, p, o);
    }

    /** NFKC, lower case, only letters and digits: "NVIDIA  H100-SXM5" and "nvidia h100 sxm5" are one name. */
    static String norm(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        n.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** A readable IRI slug: "NVIDIA H100 PCIe" -> "nvidia-h100-pcie". */
    static String slug(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        n = n.replace("σ", "sigma").replace("&", " and ").replace("+", " plus ");
        n = n.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return n.isEmpty() ? "x" : n;
    }
}
