package org.w3id.chipgraph.serve;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.web.HttpSC;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * Fuseki's SPARQL query operation with two checks after parsing and before execution:
 * <ul>
 * <li>the {@link ServicePolicy}: a query whose SERVICE names an endpoint not on the allow-list is
 *     answered 403 with the policy's message, and nothing is called;</li>
 * <li>the row cap: a query that could answer more than {@code maxRows} rows (no LIMIT, or a larger
 *     one) runs with {@code LIMIT maxRows}, and the response says so in the header
 *     {@value #ROW_CAP_HEADER}{@code : maxRows}. A capped answer with exactly that many rows may
 *     have been cut; page with LIMIT and OFFSET.</li>
 * <li>the size limits ({@link ResourceLimits}): a query text over {@value ResourceLimits#MAX_QUERY_CHARS}
 *     characters is refused (413) before it is parsed; a CONSTRUCT or DESCRIBE answer larger than
 *     the response cap is refused (422) before anything is sent.</li>
 * <li>the timeout: {@code ?timeout=} in any form is clamped to the server's timeout, less the time
 *     the request has taken so far ({@link RequestTimeout}).</li>
 * </ul>
 * Regular expressions and string sizes are bounded while the query runs by the endpoint's
 * optimizer ({@link GuardedOptimizer}).
 */
final class GuardedQuery extends SPARQL_QueryDataset {
    /** Present when the server's row cap set or lowered the query's LIMIT; its value is the cap. */
    static final String ROW_CAP_HEADER = QueryRunner.ROW_CAP_HEADER;

    private final ServicePolicy policy;
    private final long maxRows;
    private final long maxResponseBytes;

    GuardedQuery(ServicePolicy policy) {
        this(policy, SecurityOptions.DEFAULT_MAX_ROWS, ResourceLimits.DEFAULT_MAX_RESPONSE);
    }

    GuardedQuery(ServicePolicy policy, long maxRows, long maxResponseBytes) {
        this.policy = policy;
        this.maxRows = maxRows;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    protected void validateRequest(HttpAction action) {
        super.validateRequest(action);
        String problem = RequestTimeout.problem(action.getRequestParameter(RequestTimeout.PARAM));
        if (problem != null)
            ServletOps.errorBadRequest(problem);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        // Jena's parser slows down faster than linearly with one token's length: refuse before parsing.
        if (queryString.length() > ResourceLimits.MAX_QUERY_CHARS)
            ServletOps.error(HttpSC.PAYLOAD_TOO_LARGE_413, "The query is " + queryString.length()
                    + " characters long; the most this server parses is " + ResourceLimits.MAX_QUERY_CHARS);
        try {
            super.execute(queryString, action);
        } catch (StackOverflowError e) {
            // Deep nesting (a sum of 50,000 terms, 20,000 parentheses) overflows the parser's or the evaluator's recursion.
            ServletOps.errorBadRequest("The query is nested too deeply to parse or evaluate; split it up");
        }
    }

    /** Fuseki's, with {@link RequestTimeout}'s timeouts instead of Fuseki's (which let {@code timeout=A,B} pass the server's). */
    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - action.getStartTime());
        RequestTimeout t = RequestTimeout.of(action.getRequestParameter(RequestTimeout.PARAM), action.getContext(), elapsedMs);
        QueryExecDatasetBuilder b = QueryExec.newBuilder().dataset(dataset).query(query).context(action.getContext());
        if (t.firstRowMillis() > 0)
            b.initialTimeout(t.firstRowMillis(), TimeUnit.MILLISECONDS);
        if (t.overallMillis() > 0)
            b.overallTimeout(t.overallMillis(), TimeUnit.MILLISECONDS);
        return b.build();
    }

    /** CONSTRUCT and DESCRIBE answers are built whole before they are sent: refuse one past the response cap. */
    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query requestQuery, String queryStringLog) {
        if (requestQuery.isConstructType())
            return new QueryExecResult(construct(exec, requestQuery));
        QueryExecResult result = super.executeQuery(action, exec, requestQuery, queryStringLog);
        if (requestQuery.isDescribeType())
            checkSize(result.graph());
        return result;
    }

    private DatasetGraph construct(QueryExec exec, Query query) {
        DatasetGraph out = DatasetGraphFactory.create();
        out.prefixes().putAll(query.getPrefixMapping());
        long bytes = 0;
        for (Iterator<Quad> it = exec.constructQuads(); it.hasNext(); ) {
            Quad q = it.next();
            if (out.contains(q))
                continue;
            bytes += AnswerSize.bytes(q.getSubject(), q.getPredicate(), q.getObject());
            if (bytes > maxResponseBytes)
                throw new QueryDeniedException(AnswerSize.message("CONSTRUCT", maxResponseBytes));
            out.add(q);
        }
        return out;
    }

    private void checkSize(Graph graph) {
        long bytes = 0;
        for (var it = graph.find(); it.hasNext(); ) {
            var t = it.next();
            bytes += AnswerSize.bytes(t.getSubject(), t.getPredicate(), t.getObject());
            if (bytes > maxResponseBytes)
                throw new QueryDeniedException(AnswerSize.message("DESCRIBE", maxResponseBytes));
        }
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
        if (QueryRunner.capRows(query, maxRows))
            action.setResponseHeader(ROW_CAP_HEADER, Long.toString(maxRows));
    }
}
