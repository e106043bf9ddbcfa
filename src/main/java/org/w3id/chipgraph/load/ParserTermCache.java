package org.w3id.chipgraph.load;

import java.util.Objects;
import java.util.function.Supplier;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.FactoryRDF;
import org.apache.jena.riot.system.FactoryRDFCaching;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.SyntaxLabels;

/**
 * The parsers' cache of terms, shared by the parsers that work side by side, so that an IRI or a
 * literal written many times, in many files or in several pieces of one file, is one node in
 * memory. Literals too (Jena caches IRIs only): at a million edges more than half of the
 * literals repeat one already parsed (shares, dates), and each is four objects that every
 * collection during the parse copies. Jena's cache is one per parser and not safe to share
 * between threads (its keys and values are two arrays, and a reader could see one slot's key
 * with another's value); this one keeps only the nodes, and a node carries what it was made
 * from: a reader sees a whole node or none, and a lost race costs one duplicate node, never a
 * wrong one. (A node's fields are final or reached through one, so a node read from the array
 * is seen whole.)
 */
final class ParserTermCache {
    private final Node[] uris, literals;
    private final int mask;

    /** At least {@code size} slots (a power of two) for IRIs, as many for literals. */
    ParserTermCache(int size) {
        int n = tableSize(size);
        uris = new Node[n];
        literals = new Node[n];
        mask = n - 1;
    }

    /** The length of a table of at least {@code size} slots: a power of two. */
    static int tableSize(int size) {
        return Integer.highestOneBit(Math.max(16, size - 1)) << 1;
    }

    /** The slot of hash {@code h} in a table of {@code mask + 1} slots. */
    static int slot(int h, int mask) {
        return (h ^ (h >>> 16)) & mask;
    }

    Node uri(String iri) {
        int i = slot(iri.hashCode(), mask);
        Node cached = uris[i];
        if (cached != null && cached.getURI().equals(iri))
            return cached;
        Node made = RiotLib.createIRIorBNode(iri);   // "<_:label>" is a blank node: not kept
        if (made.isURI())
            uris[i] = made;
        return made;
    }

    /** The literal of this lexical form and datatype or language tag ("" for none): the one kept, or {@code make}'s. */
    Node literal(String lexical, RDFDatatype datatype, String lang, Supplier<Node> make) {
        return literalIn(literals, mask, lexical, datatype, lang, make);
    }

    /** The literal kept for this lexical form and datatype (with {@code lang} "") or language tag (with {@code datatype} null), or null. */
    Node knownLiteral(String lexical, RDFDatatype datatype, String lang) {
        Node cached = literals[literalSlot(lexical, datatype, lang, mask)];
        return isLiteral(cached, lexical, datatype, lang) ? cached : null;
    }

    /**
     * The literal of this lexical form and datatype (with {@code lang} "") or language tag (with
     * {@code datatype} null) in {@code table}, or {@code make}'s, kept there (one slot, the last made wins).
     */
    static Node literalIn(Node[] table, int mask, String lexical, RDFDatatype datatype, String lang, Supplier<Node> make) {
        int i = literalSlot(lexical, datatype, lang, mask);
        Node cached = table[i];
        if (isLiteral(cached, lexical, datatype, lang))
            return cached;
        return table[i] = make.get();
    }

    private static boolean isLiteral(Node node, String lexical, RDFDatatype datatype, String lang) {
        return node != null && node.getLiteralLexicalForm().equals(lexical)
               && (datatype != null ? Objects.equals(node.getLiteralDatatype(), datatype) && node.getLiteralLanguage().isEmpty()
                                    : node.getLiteralLanguage().equals(lang));
    }

    private static int literalSlot(String lexical, RDFDatatype datatype, String lang, int mask) {
        return slot(lexical.hashCode() * 31 + (datatype != null ? datatype.getURI().hashCode() : lang.hashCode()), mask);
    }

    /** A factory of terms for one parser: its own blank node labels, this cache's IRIs and literals. */
    FactoryRDF factory() {
        return new FactoryRDFCaching(1, SyntaxLabels.createLabelToNode()) {
            @Override
            public Node createURI(String uriStr) {
                return uri(uriStr);
            }

            @Override
            public Node createTypedLiteral(String lexical, RDFDatatype datatype) {
                return literal(lexical, datatype, "", () -> super.createTypedLiteral(lexical, datatype));
            }

            @Override
            public Node createLangLiteral(String lexical, String langTag) {
                return literal(lexical, null, langTag, () -> super.createLangLiteral(lexical, langTag));
            }

            @Override
            public Node createStringLiteral(String lexical) {
                return literal(lexical, org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring, "", () -> super.createStringLiteral(lexical));
            }
        };
    }
}
