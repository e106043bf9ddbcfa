package org.w3id.chipgraph.serve;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;

/**
 * Fuseki's SPARQL query operation with the {@link ServicePolicy} checked after parsing and
 * before execution: a query whose SERVICE names an endpoint not on the allow-list is answered
 * 403 with the policy's message, and nothing is called.
 */
final class GuardedQuery extends SPARQL_QueryDataset {
    private final ServicePolicy policy;

    GuardedQuery(ServicePolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        try {
            policy.checkQuery(query);
        } catch (ServiceRefusedException e) {
            action.log.warn("[" + action.id + "] " + e.getMessage());
            ServletOps.errorForbidden(e.getMessage());
        }
    }
}
