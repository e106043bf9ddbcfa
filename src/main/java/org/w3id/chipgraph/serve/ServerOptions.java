package org.w3id.chipgraph.serve;

import java.time.Duration;

/** What can be set on the server: its port and the default query timeout. */
public record ServerOptions(int port, Duration queryTimeout, boolean loopbackOnly) {
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final String DATASET = "/chipgraph";
}
