package org.w3id.chipgraph;

import org.apache.jena.query.QueryParseException;

/**
 * A chipgraph function called with an argument it cannot use (an unbound or wrong kind of term):
 * the query's fault, not the server's. It is a {@link QueryParseException} so that Fuseki answers
 * 400 with the message, as for any other bad query, and not 500.
 */
public final class QueryArgumentException extends QueryParseException {
    public QueryArgumentException(String message) {
        super(message, -1, -1);
    }
}
