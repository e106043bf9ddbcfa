package org.w3id.chipgraph.web;

import java.util.List;

/** The request is wrong (a missing or malformed parameter, an ambiguous name): HTTP 400 with the message, and the candidates if any. */
public final class BadRequestException extends RuntimeException {
    private final List<String> candidates;

    public BadRequestException(String message) {
        this(message, List.of());
    }

    public BadRequestException(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() { return candidates; }
}
