package org.w3id.chipgraph.serve;

import java.util.Collection;

import org.apache.jena.query.QueryDeniedException;

/** A SERVICE call refused by the {@link ServicePolicy}: names the IRI, the rule and what is allowed. */
public final class ServiceRefusedException extends QueryDeniedException {
    private final String iri;
    private final String rule;

    public ServiceRefusedException(String iri, String rule, Collection<String> allowed) {
        super("SERVICE <" + iri + "> is refused: " + rule + ". This endpoint lets SERVICE call only "
              + String.join(", ", allowed.stream().map(a -> "<" + a + ">").toList()) + ".");
        this.iri = iri;
        this.rule = rule;
    }

    public String iri() { return iri; }

    public String rule() { return rule; }
}
