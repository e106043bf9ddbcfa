package org.w3id.chipgraph.reason;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;

/**
 * What a rule reads, so that it is run again only when a triple it could match has been added,
 * and so that the dependency closure stays out of the graph only when no rule reads it.
 */
final class RuleReads {
    private RuleReads() {}

    /**
     * Predicates named in a rule's WHERE clause; null when some predicate is a variable, or the
     * rule has a path, a GRAPH, a SERVICE or an EXISTS (it might read anything).
     */
    static Set<Node> predicatesRead(Query q) {
        Set<Node> out = new HashSet<>();
        boolean[] any = {false};
        Op op = Algebra.compile(q);
        Walker.walk(op, new OpVisitorBase() {
            @Override public void visit(OpBGP bgp) {
                for (Triple t : bgp.getPattern())
                    if (t.getPredicate().isURI()) out.add(t.getPredicate());
                    else any[0] = true;
            }
            @Override public void visit(OpTriple t) { any[0] = true; }
            @Override public void visit(OpPath p) { any[0] = true; }
            @Override public void visit(OpQuadPattern p) { any[0] = true; }
            @Override public void visit(OpGraph g) { any[0] = true; }
            @Override public void visit(OpService g) { any[0] = true; }
            @Override public void visit(OpPropFunc g) { any[0] = true; }
        }, new ExprVisitorBase() {
            @Override public void visit(ExprFunctionOp f) { any[0] = true; }
        });
        return any[0] ? null : out;
    }
}
