package org.w3id.chipgraph.load;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.FactoryRDF;
import org.apache.jena.riot.system.FactoryRDFCaching;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.SyntaxLabels;

/**
 * The parsers' cache of IRI nodes, shared by the parsers that work side by side, so that an IRI
 * written in many files, or in several pieces of one file, is one node in memory. Jena's cache
 * is one per parser and not safe to share between threads (its keys and values are two arrays,
 * and a reader could see one slot's key with another's value); this one keeps only the nodes,
 * and a node carries its IRI: a reader sees a whole node or none, and a lost race costs one
 * duplicate node, never a wrong one.
 */
final class UriNodeCache {
    private final Node[] slots;
    private final int mask;

    /** At least {@code size} slots (a power of two). */
    UriNodeCache(int size) {
        int n = Integer.highestOneBit(Math.max(16, size - 1)) << 1;
        slots = new Node[n];
        mask = n - 1;
    }

    Node uri(String iri) {
        int h = iri.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        Node cached = slots[i];
        if (cached != null && cached.getURI().equals(iri))
            return cached;
        Node made = RiotLib.createIRIorBNode(iri);   // "<_:label>" is a blank node: not kept
        if (made.isURI())
            slots[i] = made;
        return made;
    }

    /** A factory of terms for one parser: its own blank node labels, this cache's IRIs (and Jena's few constants). */
    FactoryRDF factory() {
        return new FactoryRDFCaching(1, SyntaxLabels.createLabelToNode()) {
            @Override
            public Node createURI(String uriStr) {
                return uri(uriStr);
            }
        };
    }
}
