package org.w3id.chipgraph.serve;

import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * Wraps a string-building expression (CONCAT, ENCODE_FOR_URI, UCASE, LCASE, a function call) and
 * refuses the query (422) when its result is longer than the longest string a query may build.
 * Nested builders (CONCAT of CONCAT..., each doubling) are each wrapped, so a chain stops at the
 * first result past the limit, before the next one is built.
 */
final class StringLimit extends ExprFunction1 {
    private final long maxChars;

    StringLimit(Expr expr, long maxChars) {
        super(expr, "chipgraph:stringLimit");
        this.maxChars = maxChars;
    }

    static String message(String what, long maxChars) {
        return "Query refused: a " + what + " result is longer than " + maxChars
                + " characters, the most a query may build here (serve --max-string)";
    }

    @Override
    public NodeValue eval(NodeValue v) {
        if (v.isLiteral() && v.asNode().getLiteralLexicalForm().length() > maxChars)
            throw new QueryDeniedException(message("string function", maxChars));
        return v;
    }

    @Override
    public Expr copy(Expr e) {
        return new StringLimit(e, maxChars);
    }
}
