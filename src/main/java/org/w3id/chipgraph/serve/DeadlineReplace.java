package org.w3id.chipgraph.serve;

import java.util.List;
import java.util.regex.Matcher;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * SPARQL REPLACE (and {@code fn:replace}) matched over {@link CancellableChars}, so that it stops at
 * the query's deadline, and refused (422) when its result would pass the longest string a query may
 * build. Same results as Jena's (one empty match, then empty matches skipped).
 */
final class DeadlineReplace extends E_StrReplace {
    private final DeadlinePattern pattern;
    private final long maxChars;

    DeadlineReplace(Expr text, Expr pattern, Expr replacement, Expr flags, long maxChars) {
        super(text, pattern, replacement, flags);
        this.maxChars = maxChars;
        this.pattern = new DeadlinePattern("REPLACE", pattern, flags, 1, 3);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        throw pattern.refusedAtPlanning();
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        Node text = pattern.text(args);
        String rep = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
        Matcher m = pattern.matcher(args, text, env);
        StringBuilder sb = null;
        try {
            while (m.find()) {
                if (sb == null)
                    sb = new StringBuilder();
                else if (m.start() == m.end())
                    continue;
                m.appendReplacement(sb, rep);
                if (sb.length() > maxChars)
                    throw new QueryDeniedException(StringLimit.message("REPLACE", maxChars));
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ExprEvalException("REPLACE: " + e.getMessage());
        }
        if (sb == null)
            return args.get(0);
        m.appendTail(sb);
        Node n = NodeFactory.createLiteral(sb.toString(), text.getLiteralLanguage(), text.getLiteralBaseDirection(), text.getLiteralDatatype());
        return NodeValue.makeNode(n);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new DeadlineReplace(newArgs.get(0), newArgs.get(1), newArgs.get(2), newArgs.size() > 3 ? newArgs.get(3) : null, maxChars);
    }
}
