package org.w3id.chipgraph.reason;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Two graphs with no triple in common, read as one without copying (e.g. asserted and
 * inferred, or facts and claims): a find is the two finds one after the other, so the
 * caller must make sure no triple is in both.
 */
public final class DisjointUnion extends GraphBase {
    private final Graph a, b;

    public DisjointUnion(Graph a, Graph b) {
        this.a = a;
        this.b = b;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple m) {
        ExtendedIterator<Triple> ia = a.find(m);
        return b.isEmpty() ? ia : ia.andThen(b.find(m));
    }

    @Override
    protected boolean graphBaseContains(Triple t) {
        return a.contains(t) || b.contains(t);
    }

    @Override
    protected int graphBaseSize() {
        return a.size() + b.size();
    }
}
