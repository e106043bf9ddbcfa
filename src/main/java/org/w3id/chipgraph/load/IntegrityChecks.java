package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.chipgraph.Chipgraph;

/**
 * Checks of the facts that the parser and the SHACL shapes do not make, each naming the file,
 * the subject and the rule broken:
 * <ul>
 * <li><b>unknown term</b>: a class or property in the chipgraph namespace ({@code cg:}) that the
 *     ontology does not declare (a typo would otherwise match nothing, silently);</li>
 * <li><b>dangling reference</b>: an object IRI under {@code /id/} that no file declares with a type;</li>
 * <li><b>conflicting labels</b>: two different {@code rdfs:label}s in the same language for one
 *     subject (other names belong in {@code skos:altLabel});</li>
 * <li><b>literal too large</b>: a literal longer than {@value #MAX_LITERAL_CHARS} characters.</li>
 * </ul>
 * Files are noted one by one as they are parsed ({@link #noteFile}, {@link #noteTriple}); {@link #check} runs the
 * checks that need every file and throws one {@link LoadException} listing every problem.
 */
final class IntegrityChecks {
    /** Longer literals are refused: the curated data's longest is under 1,000 characters. */
    static final int MAX_LITERAL_CHARS = 100_000;
    private static final int MAX_LISTED = 50;
    private static final Set<Node> DECLARATION_TYPES = Set.of(OWL2.Class.asNode(), OWL2.ObjectProperty.asNode(),
            OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode(), OWL2.NamedIndividual.asNode(),
            RDFS.Class.asNode(), RDF.Property.asNode());

    private final Set<Node> declaredTerms = new HashSet<>();
    private final Set<Node> reportedTerms = new HashSet<>();
    private final String ontologyFile;
    /** Each /id/ IRI used as an object: the first file, subject and property that used it. */
    private final Map<Node, Use> references = new LinkedHashMap<>();
    /**
     * Each subject's first label per language, with the file that gave it: a {@link Label}, or an
     * array of them for a subject labelled in several languages (not a map per subject: at a
     * million edges those maps were a tenth of the objects the parse keeps).
     */
    private final Map<Node, Object> labels = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private record Use(String file, Node subject, Node property) {}
    /** A subject's first label in a language; value null once a conflict in that language has been reported. */
    private record Label(String lang, Node value, String file) {}

    IntegrityChecks(Graph ontology, String ontologyFile) {
        this.ontologyFile = ontologyFile;
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (DECLARATION_TYPES.contains(t.getObject()))
                declaredTerms.add(t.getSubject());
        });
    }

    /** Note one parsed file: its terms, references, labels and literal sizes. */
    void noteFile(String file, Graph g) {
        g.find().forEachRemaining(t -> noteTriple(file, t));
    }

    /** Note one statement of a file as it is parsed. */
    void noteTriple(String file, Triple t) {
        Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
        checkTerm(file, s, p, p, "property");
        if (p.equals(RDF.type.asNode()))
            checkTerm(file, s, p, o, "class");
        else
            checkTerm(file, s, p, o, "term");
        checkTerm(file, s, p, s, "term");
        if (o.isTripleTerm()) {
            Triple inner = o.getTriple();
            noteTriple(file, inner);
        }
        if (o.isLiteral() && o.getLiteralLexicalForm().length() > MAX_LITERAL_CHARS)
            problems.add(file + ": " + ShaclGate.fmt(s) + " " + ShaclGate.fmt(p) + ": literal too large: "
                    + o.getLiteralLexicalForm().length() + " characters, over the limit of " + MAX_LITERAL_CHARS
                    + " (keep long texts in the source document, not in the graph)");
        if (o.isURI() && o.getURI().startsWith(Chipgraph.ID) && !p.equals(RDF.type.asNode()))
            references.putIfAbsent(o, new Use(file, s, p));
        if (p.equals(RDFS.label.asNode()) && o.isLiteral() && !o.getLiteralLanguage().isEmpty())
            noteLabel(file, s, o);
    }

    private void checkTerm(String file, Node s, Node p, Node term, String kind) {
        if (!term.isURI() || !term.getURI().startsWith(Chipgraph.NS) || declaredTerms.contains(term))
            return;
        // Report each unknown term once, where it is first used.
        if (!reportedTerms.add(term))
            return;
        String what = switch (kind) {
            case "property" -> "unknown property";
            case "class" -> "unknown class";
            default -> "unknown term";
        };
        problems.add(file + ": " + ShaclGate.fmt(s) + " " + ShaclGate.fmt(p) + ": " + what + ": " + ShaclGate.fmt(term) + " is not declared in " + ontologyFile
                + " (every cg: term must be declared there; a typo?)");
    }

    private void noteLabel(String file, Node s, Node label) {
        String lang = label.getLiteralLanguage().toLowerCase(Locale.ROOT);
        Object seen = labels.get(s);
        Label first = inLanguage(seen, lang);
        if (first == null) {
            labels.put(s, with(seen, new Label(lang, label, file)));
            return;
        }
        if (first.value() == null || first.value().equals(label))
            return;
        problems.add(file + ": " + ShaclGate.fmt(s) + " rdfs:label: conflicting labels in '" + lang + "': "
                + ShaclGate.fmt(first.value()) + " (" + first.file() + ") and " + ShaclGate.fmt(label) + " (" + file + ")"
                + "; an entity has one rdfs:label per language, other names go in skos:altLabel");
        // Report a subject's conflict in a language once.
        labels.put(s, replaced(seen, first, new Label(lang, null, file)));
    }

    private static Label inLanguage(Object seen, String lang) {
        if (seen instanceof Label l)
            return l.lang().equals(lang) ? l : null;
        if (seen instanceof Label[] all)
            for (Label l : all)
                if (l.lang().equals(lang)) return l;
        return null;
    }

    private static Object with(Object seen, Label added) {
        if (seen == null)
            return added;
        Label[] before = seen instanceof Label l ? new Label[] {l} : (Label[]) seen;
        Label[] after = Arrays.copyOf(before, before.length + 1);
        after[before.length] = added;
        return after;
    }

    private static Object replaced(Object seen, Label old, Label by) {
        if (seen instanceof Label)
            return by;
        Label[] all = ((Label[]) seen).clone();
        for (int i = 0; i < all.length; i++)
            if (all[i] == old) all[i] = by;
        return all;
    }

    /** Everything that needs all files: dangling references. Throws with every problem found. */
    void check(DatasetGraph data) {
        // Every typed subject, in one pass: asking the dataset once per reference looked in every
        // named graph each time (200,000 references x 1,100 graphs on a generated network).
        Set<Node> typed = new HashSet<>();
        data.find(Node.ANY, Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> typed.add(q.getSubject()));
        for (Map.Entry<Node, Use> e : references.entrySet()) {
            Node o = e.getKey();
            if (typed.contains(o))
                continue;
            Use u = e.getValue();
            problems.add(u.file() + ": " + ShaclGate.fmt(u.subject()) + " " + ShaclGate.fmt(u.property()) + " "
                    + ShaclGate.fmt(o) + ": dangling reference: " + ShaclGate.fmt(o)
                    + " is declared nowhere (no '" + ShaclGate.fmt(o) + " a <Class>' in data/register.trig or any other file)");
        }
        if (problems.isEmpty())
            return;
        List<String> listed = problems.subList(0, Math.min(MAX_LISTED, problems.size()));
        String more = problems.size() > listed.size() ? "\n  ... and " + (problems.size() - listed.size()) + " more" : "";
        throw new LoadException(LoadException.VALIDATION, "Integrity checks failed: " + problems.size() + " problem(s):\n  "
                + String.join("\n  ", listed) + more);
    }

    static void checkNotEmpty(String file, long triples) {
        if (triples == 0)
            throw new LoadException(LoadException.INPUT, file + ": empty file: it states no triples (a truncated save?); "
                    + "every input file must state at least one fact");
    }
}
