package org.w3id.chipgraph.web;

/** What the request names does not exist (an entity, a query): HTTP 404 with the message. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
