package org.w3id.chipgraph.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What can be set on the server: its port, the default query timeout, whether it listens on
 * loopback only, which endpoints SPARQL SERVICE may call (and where each one goes), the
 * project directory whose {@code queries/} the server offers at /api/queries, and its limits
 * and admin login ({@link SecurityOptions}: row cap, reload trigger, HTTPS).
 */
public record ServerOptions(int port, Duration queryTimeout, boolean loopbackOnly, ServicePolicy services, Path project,
                            SecurityOptions security) {
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final String DATASET = "/chipgraph";

    /** With the default SERVICE policy: Wikidata's public endpoint only. */
    public ServerOptions(int port, Duration queryTimeout, boolean loopbackOnly) {
        this(port, queryTimeout, loopbackOnly, ServicePolicy.defaults());
    }

    /** With the working directory as the project (as `serve` has by default) and default limits. */
    public ServerOptions(int port, Duration queryTimeout, boolean loopbackOnly, ServicePolicy services) {
        this(port, queryTimeout, loopbackOnly, services, Path.of("."));
    }

    public ServerOptions(int port, Duration queryTimeout, boolean loopbackOnly, ServicePolicy services, Path project) {
        this(port, queryTimeout, loopbackOnly, services, project, SecurityOptions.defaults());
    }

    public ServerOptions with(SecurityOptions security) {
        return new ServerOptions(port, queryTimeout, loopbackOnly, services, project, security);
    }
}
