package org.w3id.chipgraph.serve;

import org.apache.jena.graph.Node;

/** The size of a triple written as N-Triples, near enough to hold an answer to the response cap before it is written. */
final class AnswerSize {
    private AnswerSize() {}

    static long bytes(Node s, Node p, Node o) {
        return bytes(s) + bytes(p) + bytes(o) + 5;   // three spaces, " .", newline
    }

    private static long bytes(Node n) {
        if (n.isURI())
            return n.getURI().length() + 2L;
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            return n.getLiteralLexicalForm().length() + 2L
                    + (lang.isEmpty() ? n.getLiteralDatatypeURI().length() + 4L : lang.length() + 1L);
        }
        return 24;   // a blank node label, a triple term: a rough figure
    }

    static String message(String form, long maxBytes) {
        return "Query refused: the " + form + " answer is larger than " + maxBytes
                + " bytes, the most this server sends (serve --max-response-bytes); narrow the query or page with LIMIT/OFFSET";
    }
}
