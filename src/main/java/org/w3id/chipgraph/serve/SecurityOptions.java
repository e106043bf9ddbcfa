package org.w3id.chipgraph.serve;

import java.nio.file.Path;

/**
 * The server's limits and its one authenticated operation:
 * <ul>
 * <li>{@code maxRows}: the most rows (solutions) a query answers; a query without LIMIT, or with
 *     a larger one, is run with {@code LIMIT maxRows} and its response carries the header
 *     {@value GuardedQuery#ROW_CAP_HEADER};</li>
 * <li>{@code admin}: who may call the reload trigger {@code POST /$/reload} (HTTP Basic); null
 *     leaves the trigger disabled (404);</li>
 * <li>{@code httpsPort} and {@code httpsConf}: serve HTTPS too, with Fuseki's HTTPS configuration
 *     file (JSON: {@code {"keystore": "FILE", "passwd": "PASSWORD"}}, the keystore relative to
 *     that file); no HTTPS when {@code httpsConf} is null. Port 0 picks a free one.</li>
 * <li>{@code limits}: request body, response and GROUP_CONCAT sizes ({@link ResourceLimits}).</li>
 * </ul>
 */
public record SecurityOptions(long maxRows, AdminCredentials admin, int httpsPort, Path httpsConf, ResourceLimits limits) {
    public static final long DEFAULT_MAX_ROWS = 100_000;

    public SecurityOptions {
        if (maxRows < 1)
            throw new IllegalArgumentException("The row cap must be at least 1, not " + maxRows);
        if (limits == null)
            throw new IllegalArgumentException("The resource limits must be given");
        if (httpsConf != null && httpsPort < 0)
            throw new IllegalArgumentException("The HTTPS port must be 0 (a free one) or more, not " + httpsPort);
    }

    public static SecurityOptions defaults() {
        return new SecurityOptions(DEFAULT_MAX_ROWS, null, 0, null, ResourceLimits.defaults());
    }

    public SecurityOptions withMaxRows(long n) { return new SecurityOptions(n, admin, httpsPort, httpsConf, limits); }
    public SecurityOptions withAdmin(AdminCredentials a) { return new SecurityOptions(maxRows, a, httpsPort, httpsConf, limits); }
    /** HTTPS on {@code port} (0 picks a free one) with Fuseki's HTTPS configuration file. */
    public SecurityOptions withHttps(int port, Path conf) { return new SecurityOptions(maxRows, admin, port, conf, limits); }
    public SecurityOptions withLimits(ResourceLimits l) { return new SecurityOptions(maxRows, admin, httpsPort, httpsConf, l); }

    public boolean https() { return httpsConf != null; }
}
