package org.w3id.chipgraph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.chipgraph.Chipgraph;
import java.util.Map;

/**
 * Entity arguments (of the commands and the APIs): a full IRI, a local name under /id/, or an exact label or
 * alternative name in any language. An ambiguous name lists its candidates and fails.
 */
public final class EntityResolver {
    /** The name matched no entity, or several. */
    public static final class UnresolvedEntity extends IllegalArgumentException {
        public final List<String> candidates;
        UnresolvedEntity(String message, List<String> candidates) {
            super(message);
            this.candidates = candidates;
        }
    }

    static final String BY_LABEL = Chipgraph.PREFIXES + """
            SELECT DISTINCT ?e ?en WHERE {
              ?e rdfs:label|skos:altLabel ?name .
              FILTER(isIRI(?e) && STRSTARTS(STR(?e), STR(id:)) && str(?name) = ?text)
              OPTIONAL { ?e rdfs:label ?en FILTER(lang(?en) = "en") }
            } ORDER BY ?e""";

    static final String EXISTS = "SELECT ?p WHERE { ?e ?p ?o } LIMIT 1";

    private final Function<Query, RowSetRewindable> select;

    public EntityResolver(Function<Query, RowSetRewindable> select) {
        this.select = select;
    }

    public String resolve(String arg) {
        String a = arg.strip();
        if (a.isEmpty())
            throw new UnresolvedEntity("An entity is needed: a full IRI, a local name under " + Chipgraph.ID + ", or a label", List.of());
        if (a.startsWith("<") && a.endsWith(">"))
            a = a.substring(1, a.length() - 1);
        if (a.startsWith("http://") || a.startsWith("https://")) {
            if (!exists(a))
                throw new UnresolvedEntity("No entity <" + a + "> in the graph", List.of());
            return a;
        }
        if (a.startsWith("id:"))
            a = a.substring(3);
        if (a.matches("[A-Za-z0-9][A-Za-z0-9._/-]*") && exists(Chipgraph.ID + a))
            return Chipgraph.ID + a;
        Query q = QueryTransformOps.replaceVars(QueryFactory.create(BY_LABEL),
                Map.of(Var.alloc("text"), NodeFactory.createLiteralString(a)));
        RowSetRewindable rows = select.apply(q);
        List<String> found = new ArrayList<>();
        List<String> described = new ArrayList<>();
        while (rows.hasNext()) {
            Binding b = rows.next();
            String iri = b.get(Var.alloc("e")).getURI();
            if (found.contains(iri))
                continue;
            found.add(iri);
            var en = b.get(Var.alloc("en"));
            described.add(iri + (en == null ? "" : " (" + en.getLiteralLexicalForm() + ")"));
        }
        if (found.size() == 1)
            return found.get(0);
        if (found.isEmpty())
            throw new UnresolvedEntity("No entity named '" + arg + "': give a full IRI, a local name under "
                    + Chipgraph.ID + ", or an exact label", List.of());
        throw new UnresolvedEntity("'" + arg + "' is ambiguous; candidates:\n  " + String.join("\n  ", described), described);
    }

    private boolean exists(String iri) {
        Query q = QueryTransformOps.replaceVars(QueryFactory.create(EXISTS),
                Map.of(Var.alloc("e"), NodeFactory.createURI(iri)));
        return select.apply(q).hasNext();
    }
}
