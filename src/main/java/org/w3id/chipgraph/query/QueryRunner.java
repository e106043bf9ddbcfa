package org.w3id.chipgraph.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.Chipgraph;
import java.math.BigDecimal;

/**
 * Runs a catalogue query against a local store or a SPARQL endpoint, with its parameters
 * bound as RDF terms by substitution in the query's syntax tree (never by pasting text).
 */
public final class QueryRunner {
    private static final PrefixMap PREFIXES = PrefixMapFactory.create();
    static {
        PREFIXES.add("cg", Chipgraph.NS);
        PREFIXES.add("id", Chipgraph.ID);
        PREFIXES.add("src", Chipgraph.SOURCE);
        PREFIXES.add("xsd", "http://www.w3.org/2001/XMLSchema#");
    }

    private QueryRunner() {}

    /** Bind each declared parameter from {@code given} or its default; unknown names are refused. */
    public static Map<Var, Node> bindings(CatalogQuery q, Map<String, String> given) {
        for (String k : given.keySet()) {
            if (q.params().stream().noneMatch(p -> p.var().equals(k)))
                throw new ParameterException("Query " + q.name() + " has no parameter '" + k + "'"
                        + (q.params().isEmpty() ? "" : "; it takes: " + q.params().stream().map(p -> p.var()).toList()));
        }
        Map<Var, Node> out = new LinkedHashMap<>();
        for (CatalogQuery.Param p : q.params()) {
            String v = given.containsKey(p.var()) ? given.get(p.var()) : p.defaultValue().orElse(null);
            if (v == null)
                continue;
            out.put(Var.alloc(p.var()), toNode(p, v));
        }
        return out;
    }

    static Node toNode(CatalogQuery.Param p, String value) {
        String expected = switch (p.type()) {
            case "date" -> "a date YYYY-MM-DD (xsd:date)";
            case "integer" -> "a whole number (xsd:integer)";
            case "decimal" -> "a decimal number (xsd:decimal)";
            case "iri" -> "an IRI, a prefixed name or a local name under /id/";
            default -> "a string";
        };
        try {
            Node n = switch (p.type()) {
                case "iri" -> NodeFactory.createURI(expandIri(value));
                case "date" -> NodeFactory.createLiteralDT(value, XSDDatatype.XSDdate);
                case "integer" -> NodeFactory.createLiteralDT(Long.toString(Long.parseLong(value)), XSDDatatype.XSDinteger);
                case "decimal" -> NodeFactory.createLiteralDT(new BigDecimal(value).toPlainString(), XSDDatatype.XSDdecimal);
                default -> NodeFactory.createLiteralString(value);
            };
            // A typed literal is made whatever its text: check that the value is one of its type.
            if (n.isLiteral() && !n.getLiteralDatatype().isValid(n.getLiteralLexicalForm()))
                throw new IllegalArgumentException("not a valid " + n.getLiteralDatatypeURI());
            return n;
        } catch (RuntimeException e) {
            throw new ParameterException("Parameter '" + p.var() + "' expects " + expected + ", not '" + oneLine(value) + "'");
        }
    }

    /** A value as it can be quoted in a one-line message: control characters escaped, cut if long. */
    private static String oneLine(String value) {
        StringBuilder b = new StringBuilder();
        value.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) b.append(String.format("\\u%04x", c));
            else b.appendCodePoint(c);
        });
        return value.codePointCount(0, value.length()) > 200 ? b + "..." : b.toString();
    }

    /** A full IRI, {@code <IRI>}, a prefixed name (cg:, id:, src:, xsd:) or a local name under /id/. */
    static String expandIri(String value) {
        if (value.startsWith("<") && value.endsWith(">"))
            return value.substring(1, value.length() - 1);
        if (value.startsWith("http://") || value.startsWith("https://"))
            return value;
        int colon = value.indexOf(':');
        if (colon > 0) {
            String e = PREFIXES.expand(value);
            if (e == null)
                throw new IllegalArgumentException("unknown prefix in '" + value + "'");
            return e;
        }
        return Chipgraph.ID + value;
    }

    /** Present on an HTTP answer when the server's row cap set or lowered the query's LIMIT; its value is the cap. */
    public static final String ROW_CAP_HEADER = "Chipgraph-Row-Cap";

    /**
     * The server's row cap on a query: one that could answer more than {@code maxRows} rows (no
     * LIMIT, or a larger one) gets {@code LIMIT maxRows}. ASK, and an aggregate without GROUP BY
     * (one row whatever it reads), are left alone. Returns whether the LIMIT was set or lowered.
     */
    public static boolean capRows(Query query, long maxRows) {
        if (query.isAskType())
            return false;
        // Jena reports an implicit, empty GROUP BY for an aggregate without one: look at the grouping itself.
        if (query.isSelectType() && query.hasAggregators() && query.getGroupBy().isEmpty())
            return false;
        if (query.hasLimit() && query.getLimit() <= maxRows)
            return false;
        query.setLimit(maxRows);
        return true;
    }

    public static RowSetRewindable select(DatasetGraph dsg, Query query, Map<Var, Node> bindings) {
        return Txn.calculateRead(dsg, () -> {
            QueryExecBuilder b = QueryExec.dataset(dsg).query(query);
            bindings.forEach(b::substitution);
            try (QueryExec qe = b.build()) {
                return materialize(qe.select());
            }
        });
    }

    /**
     * A SELECT on a local store without the server's per-request query timeout (a year is none):
     * for what is built once per store version in the background (the dependency graph), which at
     * a million edges takes longer than one request may.
     */
    public static RowSetRewindable selectUntimed(DatasetGraph dsg, Query q) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(q).initialTimeout(365, TimeUnit.DAYS)
                    .overallTimeout(365, TimeUnit.DAYS).build()) {
                return materialize(qe.select());
            }
        });
    }

    /**
     * Copy every row out of the store while the read transaction is open: TDB2 rows resolve
     * their terms lazily, and would come back empty once the transaction has ended.
     */
    public static RowSetRewindable materialize(RowSet rows) {
        List<Var> vars = rows.getResultVars();
        List<Binding> copied = new ArrayList<>();
        rows.forEachRemaining(row -> {
            BindingBuilder bb = BindingFactory.builder();
            for (Var v : vars) {
                Node n = row.get(v);
                if (n != null)
                    bb.add(v, n);
            }
            copied.add(bb.build());
        });
        return RowSetMem.create(RowSetStream.create(vars, copied.iterator()));
    }

    public static RowSetRewindable select(String endpoint, Query query, Map<Var, Node> bindings) {
        var b = QueryExecHTTP.service(endpoint).query(query);
        bindings.forEach(b::substitution);
        try (QueryExec qe = b.build()) {
            return qe.select().rewindable();
        }
    }
}
