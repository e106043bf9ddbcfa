package org.w3id.chipgraph.reason;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.optimize.TransformPropertyFunction;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_OneOrMore1;
import org.apache.jena.sparql.path.P_OneOrMoreN;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.Chipgraph;

/**
 * {@code cg:dependsOn} means the same at every size. Above the loader's closure limit no
 * cg:dependsOn triple is written, so a plain {@code ?x cg:dependsOn <hub>} would silently match
 * nothing. On a dataset marked {@link #KEY} (its closure is not materialized, see
 * {@link DependencyIndex#attachFile}), the query's algebra is rewritten before Jena's own
 * optimizer: a triple pattern on cg:dependsOn, and the paths {@code cg:dependsOn+} and
 * {@code ^cg:dependsOn+}, and the same on its inverse cg:dependencyOf, become the property
 * function cgf:dependsOn, which answers from the
 * dependency index exactly the pairs the materialized closure would hold (a transitive
 * relation's {@code +} is itself). Patterns inside {@code GRAPH} are left as written (they ask
 * about the triples of named graphs), except {@code GRAPH g:inferred}, where the closure lives.
 *
 * <p>It is an optimizer step, the ARQ extension point every query takes whatever route it
 * comes by (command line, /api, Fuseki's /chipgraph/sparql): {@link #install} wraps the global
 * optimizer factory, which the server's own optimizer also ends in. A StageGenerator would not
 * do: TDB2 executes quad patterns without consulting it.
 */
public final class DependsOnFromIndex {
    /** Dataset context flag: the cg:dependsOn closure is not in the store; answer it from the index. */
    public static final Symbol KEY = Symbol.create(Chipgraph.NS + "dependsOnFromIndex");

    static final Node DEPENDS_ON = NodeFactory.createURI(Chipgraph.NS + "dependsOn");
    /** The inverse of cg:dependsOn, materialized beside it; without the closure, also answered from the index. */
    static final Node DEPENDENCY_OF = NodeFactory.createURI(Chipgraph.NS + "dependencyOf");
    static final Node FROM_INDEX = NodeFactory.createURI(DependencyFunctions.NS + "dependsOn");
    static final Node INFERRED = NodeFactory.createURI(Chipgraph.GRAPH + "inferred");

    private DependsOnFromIndex() {}

    private static boolean installed;

    /** Wrap the global optimizer once (at Jena start, {@link ChipgraphSubsystem}). */
    public static synchronized void install() {
        if (installed)
            return;
        installed = true;
        RewriteFactory inner = Optimize.getFactory();
        Optimize.setFactory(context -> {
            var next = inner.create(context);
            return op -> next.rewrite(rewrite(op, context));
        });
    }

    /** Mark a dataset whose closure is not materialized. */
    public static void mark(DatasetGraph dsg) {
        dsg.getContext().set(KEY, true);
    }

    /**
     * Mark an opened store version that has a dependency index but no cg:dependsOn triple in
     * any graph: the loader left the closure to the index (a store with the closure keeps
     * at least the direct edges lifted to cg:dependsOn).
     */
    public static void markIfNotMaterialized(DatasetGraph dsg) {
        boolean none = Txn.calculateRead(dsg, () -> !dsg.find(Node.ANY, Node.ANY, DEPENDS_ON, Node.ANY).hasNext());
        if (none)
            mark(dsg);
    }

    /** The algebra with cg:dependsOn answered by the index, when the context asks for it. */
    public static Op rewrite(Op op, Context context) {
        if (context == null || !context.isTrue(KEY))
            return op;
        Op rewritten = Transformer.transform(new Rewrite(), op);
        if (rewritten == op)
            return op;
        // Turn the new cgf:dependsOn triples into property function calls now, inside FILTER
        // EXISTS too (Jena's own step leaves expressions alone).
        return Transformer.transform(new TransformPropertyFunction(context), rewritten);
    }

    private static final class Rewrite extends TransformCopy {
        @Override
        public Op transform(OpBGP op) {
            BasicPattern out = new BasicPattern();
            boolean changed = false;
            for (Triple t : op.getPattern()) {
                Triple asked = fromIndex(t);
                out.add(asked != null ? asked : t);
                changed |= asked != null;
            }
            return changed ? new OpBGP(out) : op;
        }

        @Override
        public Op transform(OpTriple op) {
            Triple asked = fromIndex(op.getTriple());
            return asked != null ? new OpBGP(BasicPattern.wrap(List.of(asked))) : op;
        }

        /** {@code a cg:dependsOn b} and {@code b cg:dependencyOf a} as {@code a cgf:dependsOn b}; null for any other triple. */
        private static Triple fromIndex(Triple t) {
            if (DEPENDS_ON.equals(t.getPredicate()))
                return Triple.create(t.getSubject(), FROM_INDEX, t.getObject());
            if (DEPENDENCY_OF.equals(t.getPredicate()))
                return Triple.create(t.getObject(), FROM_INDEX, t.getSubject());
            return null;
        }

        @Override
        public Op transform(OpPath op) {
            TriplePath tp = op.getTriplePath();
            Path p = tp.getPath();
            boolean inverse = p instanceof P_Inverse;
            if (inverse)
                p = ((P_Inverse) p).getSubPath();
            if (p instanceof P_OneOrMore1 || p instanceof P_OneOrMoreN)
                p = ((P_Path1) p).getSubPath();
            if (!(p instanceof P_Link link))
                return op;
            Triple asked = fromIndex(Triple.create(inverse ? tp.getObject() : tp.getSubject(), link.getNode(),
                    inverse ? tp.getSubject() : tp.getObject()));
            return asked != null ? new OpBGP(BasicPattern.wrap(new ArrayList<>(List.of(asked)))) : op;
        }

        @Override
        public Op transform(OpGraph opGraph, Op subOp) {
            // GRAPH ?g or another named graph: its own triples, as written.
            return INFERRED.equals(opGraph.getNode()) ? new OpGraph(opGraph.getNode(), subOp) : opGraph;
        }
    }
}
