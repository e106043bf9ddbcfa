package org.w3id.chipgraph.serve;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * SPARQL REGEX (and {@code fn:matches}) matched over {@link CancellableChars}, so that it stops at
 * the query's deadline. Evaluated only while the query runs: constant folding at planning time
 * (which has no deadline) is refused, and the expression is left for execution.
 */
final class DeadlineRegex extends E_Regex {
    private final Pattern constant;

    DeadlineRegex(Expr expr, Expr pattern, Expr flags) {
        super(expr, pattern, flags);
        this.constant = constantPattern("REGEX", pattern, flags);
    }

    /** The pattern compiled once when it and its flags are constant strings; null when they are computed per row. */
    static Pattern constantPattern(String label, Expr pattern, Expr flags) {
        return isString(pattern) && (flags == null || isString(flags))
                ? compile(label, pattern.getConstant().getString(), flags == null ? null : flags.getConstant().getString())
                : null;
    }

    private static boolean isString(Expr e) {
        return e.isConstant() && e.getConstant().isString();
    }

    static Pattern compile(String label, String pattern, String flags) {
        if (flags != null && !flags.matches("[smixq]*"))
            throw new ExprEvalException(label + ": only the flags s, m, i, x and q are allowed, not \"" + flags + "\"");
        return RegexEngine.makePattern(label, pattern, flags);
    }

    static Pattern compile(String label, NodeValue pattern, NodeValue flags) {
        String p = NodeValueOps.checkAndGetStringLiteral(label, pattern).getLiteralLexicalForm();
        String f = flags == null ? null : NodeValueOps.checkAndGetStringLiteral(label, flags).getLiteralLexicalForm();
        return compile(label, p, f);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        throw new ExprEvalException("REGEX is evaluated while the query runs, under its deadline");
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
        Pattern p = constant != null ? constant : compile("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null);
        return NodeValue.booleanReturn(p.matcher(CancellableChars.of(text.getLiteralLexicalForm(), env)).find());
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new DeadlineRegex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null);
    }
}
