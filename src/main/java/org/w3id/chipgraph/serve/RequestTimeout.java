package org.w3id.chipgraph.serve;

import java.math.BigDecimal;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.util.Context;

/**
 * A query's timeouts from the protocol's {@code ?timeout=} parameter, clamped to the server's.
 *
 * <p>The parameter is {@code SECONDS} (overall) or {@code FIRST,OVERALL} (until the first row, then
 * overall), in seconds. Fuseki lets the server's timeout bound only the overall part, and ARQ arms
 * the overall timer only after the first row: {@code timeout=100,100} ran 100 s under a 5 s server.
 * Here both parts are clamped to the server's timeout, less the time the request has already taken
 * (parsing included). Zero, negative or missing parts mean the server's timeout; anything that is
 * not one or two numbers is refused.
 */
record RequestTimeout(long firstRowMillis, long overallMillis) {
    static final String PARAM = "timeout";

    /** The message of the 400 for a malformed parameter, or null when it is well formed (or absent). */
    static String problem(String param) {
        if (param == null)
            return null;
        if (param.length() > 40)   // a number of a million digits is slow to read
            return syntax(param);
        String[] parts = param.split(",", -1);
        if (parts.length > 2)
            return syntax(param);
        for (String p : parts) {
            try {
                new BigDecimal(p.trim());
            } catch (NumberFormatException e) {
                return syntax(param);
            }
        }
        return null;
    }

    private static String syntax(String param) {
        String shown = param.length() > 40 ? param.substring(0, 40) + "..." : param;
        return "Parameter 'timeout' must be SECONDS or FIRST,OVERALL (numbers of seconds), not '" + shown + "'";
    }

    /**
     * @param param     the protocol parameter (checked by {@link #problem}), or null
     * @param cxt       the endpoint's context, holding the server's timeout ({@link ARQ#queryTimeout})
     * @param elapsedMs time the request has taken so far
     */
    static RequestTimeout of(String param, Context cxt, long elapsedMs) {
        long server = Timeouts.extractQueryTimeout(cxt).overallTimeoutMillis();
        long cap = server > 0 ? Math.max(1, server - elapsedMs) : Long.MAX_VALUE;
        long first = -1, overall = -1;
        if (param != null && problem(param) == null) {
            String[] parts = param.split(",", -1);
            overall = millis(parts[parts.length - 1]);
            if (parts.length == 2)
                first = millis(parts[0]);
        }
        overall = overall > 0 ? Math.min(overall, cap) : cap;
        first = first > 0 ? Math.min(first, overall) : -1;
        return new RequestTimeout(first, overall == Long.MAX_VALUE ? -1 : overall);
    }

    /** Seconds as milliseconds, saturating: a huge value is simply more than any cap. */
    private static long millis(String seconds) {
        BigDecimal ms = new BigDecimal(seconds.trim()).movePointRight(3);
        if (ms.signum() <= 0)
            return -1;
        return ms.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : Math.max(1, ms.longValue());
    }
}
