package org.w3id.chipgraph.serve;

import java.util.Locale;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;

/**
 * Jena loads a Java class by name for a function or property function IRI {@code <java:...>}
 * ({@code <java:java.lang.ProcessBuilder>} would be loaded). Over HTTP such IRIs are refused
 * before the query runs, wherever they stand: a function call, a property, a path, inside
 * EXISTS. Functions registered under their own IRIs (chipgraph's, Jena's) are not affected.
 */
final class JavaIriCheck {
    static final String RULE = "function and property IRIs with the scheme 'java:' are not allowed"
            + " (they would load a Java class by name)";

    private String found;

    private JavaIriCheck() {}

    /** The first {@code java:} IRI the query uses as a function or property, or null. */
    static String find(Query query) {
        JavaIriCheck check = new JavaIriCheck();
        ExprVisitorBase[] exprs = new ExprVisitorBase[1];
        OpVisitorBase ops = new OpVisitorBase() {
            @Override public void visit(OpBGP bgp) { bgp.getPattern().forEach(t -> check.note(t.getPredicate())); }
            @Override public void visit(OpTriple t) { check.note(t.getTriple().getPredicate()); }
            @Override public void visit(OpQuadPattern q) { q.getPattern().forEach(x -> check.note(x.getPredicate())); }
            // A path prints its IRIs in full: <java:...>.
            @Override public void visit(OpPath p) {
                check.noteIri(p.getTriplePath().getPath().toString());
            }
            // The walker does not enter the expressions of ORDER BY and GROUP BY: walk them here.
            @Override public void visit(OpOrder o) {
                o.getConditions().forEach(c -> Walker.walk(c.getExpression(), exprs[0]));
            }
            @Override public void visit(OpGroup g) {
                g.getGroupVars().getExprs().values().forEach(e -> Walker.walk(e, exprs[0]));
                for (ExprAggregator a : g.getAggregators()) {
                    ExprList args = a.getAggregator().getExprList();
                    if (args != null)
                        args.forEach(e -> Walker.walk(e, exprs[0]));
                }
            }
        };
        exprs[0] = new ExprVisitorBase() {
            @Override public void visit(ExprFunctionN f) {
                if (f instanceof E_Function fn)
                    check.noteIri(fn.getFunctionIRI());
            }
            @Override public void visit(ExprFunctionOp f) {
                if (f.getGraphPattern() != null)
                    Walker.walk(f.getGraphPattern(), ops, this);
            }
        };
        Walker.walk(Algebra.compile(query), ops, exprs[0]);
        return check.found;
    }

    private void note(Node n) {
        if (n != null && n.isURI())
            noteIri(n.getURI());
    }

    private void noteIri(String iri) {
        if (found != null || iri == null)
            return;
        String l = iri.strip().toLowerCase(Locale.ROOT);
        if (l.startsWith("java:") || l.contains("<java:"))
            found = iri;
    }
}
