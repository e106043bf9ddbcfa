package org.w3id.chipgraph.serve;

import java.util.List;

import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * SPARQL REGEX (and {@code fn:matches}) matched over {@link CancellableChars}, so that it stops at
 * the query's deadline. Evaluated only while the query runs: constant folding at planning time
 * (which has no deadline) is refused, and the expression is left for execution.
 */
final class DeadlineRegex extends E_Regex {
    private final DeadlinePattern pattern;

    DeadlineRegex(Expr expr, Expr pattern, Expr flags) {
        super(expr, pattern, flags);
        this.pattern = new DeadlinePattern("REGEX", pattern, flags, 1, 2);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        return NodeValue.booleanReturn(pattern.matcher(args, pattern.text(args), env).find());
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        throw pattern.refusedAtPlanning();
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new DeadlineRegex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null);
    }
}
