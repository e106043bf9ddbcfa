package org.w3id.chipgraph.web;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.EntityResolver;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * Runs the catalogue's queries for HTTP: the catalogue of {@code queries/} in the project
 * directory, read afresh on each request (an edited query file is served as it is now), and one
 * SELECT with its parameters bound as RDF terms through {@link QueryRunner#bindings} (nothing from
 * a request is pasted into query text), under the server's row cap, its rows streamed.
 */
final class CatalogQueryRunner {
    /** A query ready to run: parameters bound, LIMIT capped; {@code capped} when the cap set or lowered the LIMIT. */
    record Prepared(CatalogQuery source, Query query, Map<Var, Node> bindings, boolean capped) {}

    private final Path project;
    private final long maxRows;

    CatalogQueryRunner(Path project, long maxRows) {
        this.project = project;
        this.maxRows = maxRows;
    }

    long maxRows() { return maxRows; }

    QueryCatalog catalog() {
        return QueryCatalog.in(project.resolve("queries"));
    }

    CatalogQuery byName(String name) {
        QueryCatalog c = catalog();
        return c.byName(name).orElseThrow(() -> new NotFoundException("No query '" + name + "'. Known: "
                + String.join(", ", c.queries().stream().map(CatalogQuery::name).toList())));
    }

    /**
     * A SELECT with the given parameter values (blank values count as not given, so the default
     * applies). An entity parameter also takes a label or a local name, as everywhere.
     */
    Prepared prepare(StoreContext store, CatalogQuery q, Map<String, String> given) {
        Query query = q.parse();
        if (!query.isSelectType())
            throw new BadRequestException("Query " + q.name() + " is not a SELECT query; run it at /chipgraph/sparql");
        Map<String, String> values = new LinkedHashMap<>();
        EntityResolver resolver = store.resolver();
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
        boolean capped = QueryRunner.capRows(query, maxRows);
        return new Prepared(q, query, bindings, capped);
    }

    /** A catalogue query by name with its parameters bound, its rows read into memory (for pages built from several queries). */
    RowSetRewindable run(StoreContext store, String name, Map<String, String> given) {
        Prepared p = prepare(store, byName(name), given);
        RowSetRewindable[] rows = new RowSetRewindable[1];
        stream(store.dataset(), p, rs -> rows[0] = QueryRunner.materialize(rs));
        return rows[0];
    }

    /** Runs the query in one read transaction and gives its rows, as they come, to {@code use}. */
    static void stream(DatasetGraph dsg, Prepared p, Consumer<RowSet> use) {
        Txn.executeRead(dsg, () -> {
            QueryExecBuilder b = QueryExec.dataset(dsg).query(p.query());
            p.bindings().forEach(b::substitution);
            try (QueryExec exec = b.build()) {
                use.accept(exec.select());
            }
        });
    }

    /** IRIs and prefixed names pass through; anything else is an entity name to resolve. */
    private static String entity(EntityResolver resolver, String v) {
        if (v.startsWith("<") || v.startsWith("http://") || v.startsWith("https://") || v.matches("[A-Za-z][A-Za-z0-9]*:.*"))
            return v;
        try {
            return resolver.resolve(v);
        } catch (EntityResolver.UnresolvedEntity e) {
            // The query exists; the value given for its parameter names nothing (or too much): a bad request.
            throw new BadRequestException(e.getMessage(), e.candidates);
        }
    }

    private static void checkIri(String iri) {
        try {
            IRIx x = IRIx.create(iri);
            if (!x.isAbsolute())
                throw new BadRequestException("Not an absolute IRI: <" + iri + ">");
        } catch (IRIException e) {
            throw new BadRequestException("Not a valid IRI: <" + iri + ">: " + e.getMessage());
        }
    }
}
