package org.w3id.chipgraph.query;

/**
 * A query parameter whose value does not fit its declared type (or that the query does not take):
 * the message names the parameter, the type expected and the value given. HTTP answers 400, the
 * command line exits 2.
 */
public final class ParameterException extends IllegalArgumentException {
    public ParameterException(String message) {
        super(message);
    }
}
