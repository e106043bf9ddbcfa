package org.w3id.chipgraph;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The test JVM's name resolver (registered in META-INF/services): the JDK's own, recording every
 * host name looked up, so a test can show that a refused SERVICE IRI was never even resolved.
 * Names under {@code .invalid} fail here without a DNS query.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {
    public static final List<String> LOOKUPS = new CopyOnWriteArrayList<>();

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                LOOKUPS.add(host);
                // RFC 6761: .invalid never resolves; answered here, so a test of "cannot resolve" sends no DNS query.
                if (host.endsWith(".invalid"))
                    throw new UnknownHostException(host);
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "chipgraph-test-recorder";
    }
}
