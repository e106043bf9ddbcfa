package org.w3id.chipgraph.serve;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * The regular expression of a deadline-bound REGEX or REPLACE: compiled once when it and its
 * flags are constant strings, else per row; matched over {@link CancellableChars} so that it
 * stops at the query's deadline. Only the flags Jena documents are accepted.
 */
final class DeadlinePattern {
    private final String function;
    private final int patternArg, flagsArg;
    private final Pattern constant;

    /** {@code patternArg}, {@code flagsArg}: where the pattern and the flags are among the function's arguments. */
    DeadlinePattern(String function, Expr pattern, Expr flags, int patternArg, int flagsArg) {
        this.function = function;
        this.patternArg = patternArg;
        this.flagsArg = flagsArg;
        this.constant = isString(pattern) && (flags == null || isString(flags))
                ? compile(pattern.getConstant().getString(), flags == null ? null : flags.getConstant().getString())
                : null;
    }

    private static boolean isString(Expr e) {
        return e.isConstant() && e.getConstant().isString();
    }

    private Pattern compile(String pattern, String flags) {
        if (flags != null && !flags.matches("[smixq]*"))
            throw new ExprEvalException(function + ": only the flags s, m, i, x and q are allowed, not \"" + flags + "\"");
        return RegexEngine.makePattern(function, pattern, flags);
    }

    /** The text argument (the first), checked to be a string literal. */
    Node text(List<NodeValue> args) {
        return NodeValueOps.checkAndGetStringLiteral(function, args.get(0));
    }

    /** This row's pattern over the text, stopping at the query's deadline. */
    Matcher matcher(List<NodeValue> args, Node text, FunctionEnv env) {
        Pattern p = constant;
        if (p == null) {
            String pattern = NodeValueOps.checkAndGetStringLiteral(function, args.get(patternArg)).getLiteralLexicalForm();
            String flags = args.size() > flagsArg
                    ? NodeValueOps.checkAndGetStringLiteral(function, args.get(flagsArg)).getLiteralLexicalForm() : null;
            p = compile(pattern, flags);
        }
        return p.matcher(CancellableChars.of(text.getLiteralLexicalForm(), env));
    }

    /** Constant folding at planning time has no deadline: refused, so the expression is left for execution. */
    ExprEvalException refusedAtPlanning() {
        return new ExprEvalException(function + " is evaluated while the query runs, under its deadline");
    }
}
