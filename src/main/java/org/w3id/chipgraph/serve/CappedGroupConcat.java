package org.w3id.chipgraph.serve;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * GROUP_CONCAT (with or without DISTINCT) that counts the characters it builds over all its groups,
 * in one query, and refuses the query (422) past the longest string a query may build. Same
 * results as Jena's otherwise.
 */
final class CappedGroupConcat extends AggGroupConcat {
    private final boolean distinct;
    private final long maxChars;
    private final AtomicLong built;

    CappedGroupConcat(Expr expr, String separator, boolean distinct, long maxChars, AtomicLong built) {
        super(expr, separator);
        this.distinct = distinct;
        this.maxChars = maxChars;
        this.built = built;
    }

    @Override
    public Aggregator copy(ExprList exprs) {
        return new CappedGroupConcat(exprs.get(0), getSeparator(), distinct, maxChars, built);
    }

    @Override
    public Accumulator createAccumulator() {
        return new Acc(getExpr(), getSeparator() == null ? " " : getSeparator());
    }

    private final class Acc extends AccumulatorExpr {
        private final StringBuilder soFar = new StringBuilder();
        private final String separator;
        private boolean first = true;

        Acc(Expr expr, String separator) {
            super(expr, distinct);
            this.separator = separator;
        }

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
            String s = nv.asString();
            long added = s.length() + (first ? 0 : separator.length());
            if (built.addAndGet(added) > maxChars)
                throw new QueryDeniedException(StringLimit.message("GROUP_CONCAT", maxChars) + " (counted over all its groups)");
            if (!first)
                soFar.append(separator);
            soFar.append(s);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {}

        @Override
        protected NodeValue getAccValue() {
            return NodeValue.makeString(soFar.toString());
        }
    }
}
