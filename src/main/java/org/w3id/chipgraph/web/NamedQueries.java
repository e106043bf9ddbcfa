package org.w3id.chipgraph.web;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.EntityResolver;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * The catalogue of {@code queries/} in the project directory, read afresh on each request (an
 * edited query file is served as it is now), and runs of one query with its parameters bound as
 * RDF terms through {@link QueryRunner#bindings}: nothing from a request is pasted into query text.
 */
final class NamedQueries {
    /** No query of that name (HTTP 404). */
    static final class UnknownQuery extends RuntimeException {
        UnknownQuery(String message) { super(message); }
    }

    private final Path project;

    NamedQueries(Path project) {
        this.project = project;
    }

    QueryCatalog catalog() {
        return QueryCatalog.in(project.resolve("queries"));
    }

    CatalogQuery byName(String name) {
        QueryCatalog c = catalog();
        return c.byName(name).orElseThrow(() -> new UnknownQuery("No query '" + name + "'. Known: "
                + String.join(", ", c.queries().stream().map(CatalogQuery::name).toList())));
    }

    /**
     * Run a SELECT with the given parameter values (blank values count as not given, so the
     * default applies). An entity parameter also takes a label or a local name, as everywhere.
     * Bad values throw IllegalArgumentException with a message for the client.
     */
    RowSetRewindable run(DatasetGraph dsg, CatalogQuery q, Map<String, String> given) {
        Query query = q.parse();
        if (!query.isSelectType())
            throw new IllegalArgumentException("Query " + q.name() + " is not a SELECT query; run it at /chipgraph/sparql");
        Map<String, String> values = new LinkedHashMap<>();
        EntityResolver resolver = new EntityResolver(x -> QueryRunner.select(dsg, x, Map.of()));
        given.forEach((k, v) -> {
            if (v == null || v.isBlank())
                return;
            CatalogQuery.Param p = q.params().stream().filter(x -> x.var().equals(k)).findFirst().orElse(null);
            values.put(k, p != null && p.type().equals("iri") ? entity(resolver, v.strip()) : v.strip());
        });
        Map<Var, Node> bindings = QueryRunner.bindings(q, values);
        for (Node n : bindings.values())
            if (n.isURI())
                checkIri(n.getURI());
        return QueryRunner.select(dsg, query, bindings);
    }

    /** IRIs and prefixed names pass through; anything else is an entity name to resolve. */
    private static String entity(EntityResolver resolver, String v) {
        if (v.startsWith("<") || v.startsWith("http://") || v.startsWith("https://") || v.matches("[A-Za-z][A-Za-z0-9]*:.*"))
            return v;
        return resolver.resolve(v);
    }

    private static void checkIri(String iri) {
        try {
            IRIx x = IRIx.create(iri);
            if (!x.isAbsolute())
                throw new IllegalArgumentException("Not an absolute IRI: <" + iri + ">");
        } catch (IRIException e) {
            throw new IllegalArgumentException("Not a valid IRI: <" + iri + ">: " + e.getMessage());
        }
    }

    static List<String> vars(RowSetRewindable rows) {
        return rows.getResultVars().stream().map(Var::getVarName).toList();
    }
}
