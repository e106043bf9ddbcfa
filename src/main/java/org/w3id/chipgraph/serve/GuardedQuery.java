package org.w3id.chipgraph.serve;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;

/**
 * Fuseki's SPARQL query operation with two checks after parsing and before execution:
 * <ul>
 * <li>the {@link ServicePolicy}: a query whose SERVICE names an endpoint not on the allow-list is
 *     answered 403 with the policy's message, and nothing is called;</li>
 * <li>the row cap: a query that could answer more than {@code maxRows} rows (no LIMIT, or a larger
 *     one) runs with {@code LIMIT maxRows}, and the response says so in the header
 *     {@value #ROW_CAP_HEADER}{@code : maxRows}. A capped answer with exactly that many rows may
 *     have been cut; page with LIMIT and OFFSET.</li>
 * </ul>
 */
final class GuardedQuery extends SPARQL_QueryDataset {
    /** Present when the server's row cap set or lowered the query's LIMIT; its value is the cap. */
    static final String ROW_CAP_HEADER = "Chipgraph-Row-Cap";

    private final ServicePolicy policy;
    private final long maxRows;

    GuardedQuery(ServicePolicy policy) {
        this(policy, SecurityOptions.DEFAULT_MAX_ROWS);
    }

    GuardedQuery(ServicePolicy policy, long maxRows) {
        this.policy = policy;
        this.maxRows = maxRows;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        // Fuseki's own "Query =" line is switched off (simplelogger.properties): it logs the whole text.
        RequestLogFilter.LOG.info("[{}] Query = {}", action.id, RequestLogFilter.cut(query.toString()));
        try {
            policy.checkQuery(query);
        } catch (ServiceRefusedException e) {
            action.log.warn("[" + action.id + "] " + e.getMessage());
            ServletOps.errorForbidden(e.getMessage());
        }
        String javaIri = JavaIriCheck.find(query);
        if (javaIri != null)
            ServletOps.errorBadRequest("<" + javaIri + "> is refused: " + JavaIriCheck.RULE);
        capRows(action, query);
    }

    /** Fuseki runs the Query object it validated: a LIMIT set here is the one executed. */
    private void capRows(HttpAction action, Query query) {
        if (query.isAskType())
            return;
        // An aggregate without GROUP BY answers one row whatever it reads: nothing to cap.
        // (Jena reports an implicit, empty GROUP BY for such a query: look at the grouping itself.)
        if (query.isSelectType() && query.hasAggregators() && query.getGroupBy().isEmpty())
            return;
        if (query.hasLimit() && query.getLimit() <= maxRows)
            return;
        query.setLimit(maxRows);
        action.setResponseHeader(ROW_CAP_HEADER, Long.toString(maxRows));
    }
}
