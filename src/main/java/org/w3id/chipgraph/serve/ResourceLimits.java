package org.w3id.chipgraph.serve;

/**
 * How much one request may cost the server, beside the query timeout and the row cap:
 * <ul>
 * <li>{@code maxBodyBytes}: the largest request body (a SPARQL query POSTed as
 *     {@code application/sparql-query}, a form, anything); past it the answer is 413, sent once
 *     the body has been read and thrown away (up to 8 times the cap; a larger one, or one that
 *     waits for "100 Continue", is refused before it is read). Request headers (the URI and its query string included) are capped at
 *     {@link #MAX_HEADER_BYTES} (414 or 431 past it).</li>
 * <li>{@code maxResponseBytes}: the largest response body. A CONSTRUCT or DESCRIBE answer, built
 *     whole before it is sent, is refused with 422 when its serialization would pass it; a streamed
 *     answer (SELECT) that reaches it is cut: the connection closes before the end of the body,
 *     so no client takes it for a complete answer.</li>
 * <li>{@code maxStringChars}: the longest string a query may build: one GROUP_CONCAT over all its
 *     groups, or one result of CONCAT, REPLACE, ENCODE_FOR_URI, UCASE, LCASE or a function call;
 *     past it the query is refused with 422.</li>
 * </ul>
 * A query's text is also capped at {@link #MAX_QUERY_CHARS} characters (413): Jena's parser
 * takes time that grows faster than linearly with the length of one token (a 1 MB comment took 13 s).
 */
public record ResourceLimits(long maxBodyBytes, long maxResponseBytes, long maxStringChars) {
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;
    public static final long DEFAULT_MAX_RESPONSE = 50L * 1024 * 1024;
    public static final long DEFAULT_MAX_STRING = 1_000_000;
    /** Request line and headers: room for a GET query of a few tens of KB; longer queries are POSTed. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Longest query text: parsed in about 0.2 s on the reference machine, whatever it holds. */
    public static final int MAX_QUERY_CHARS = 256 * 1024;

    public ResourceLimits {
        check("--max-body", maxBodyBytes);
        check("--max-response-bytes", maxResponseBytes);
        check("--max-string", maxStringChars);
    }

    private static void check(String option, long value) {
        if (value < 1)
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
    }

    public static ResourceLimits defaults() {
        return new ResourceLimits(DEFAULT_MAX_BODY, DEFAULT_MAX_RESPONSE, DEFAULT_MAX_STRING);
    }
}
