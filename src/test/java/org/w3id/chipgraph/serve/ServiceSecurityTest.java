package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.RecordingResolverProvider;
import org.w3id.chipgraph.TestGraph;

/**
 * SERVICE from the attacker's side, against a server with its real HTTP transport: loopback on
 * other ports (in every spelling: names, IPv6, decimal, hex, octal, short forms), private and
 * link-local ranges, other schemes, user information, and DNS names not on the allow-list. Each
 * is refused (403, naming the rule) before any connection: listening sockets on the loopback
 * ports named see no connection, and the JVM's name resolver sees no lookup of the names.
 */
class ServiceSecurityTest {
    static FusekiServer server;
    static String endpoint;
    static ServerSocket v4, v6;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        v4 = new ServerSocket();
        v4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        try {
            v6 = new ServerSocket();
            v6.bind(new InetSocketAddress(InetAddress.getByName("::1"), v4.getLocalPort()), 50);
        } catch (Exception e) {
            v6 = null;   // no IPv6 loopback here: the IPv6 cases still must be refused
        }
        server = ChipgraphServer.build(TestGraph.dataset(), new ServerOptions(0, Duration.ofSeconds(30), true, ServicePolicy.defaults()));
        server.start();
        endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/chipgraph/sparql";
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.stop();
        if (v4 != null) v4.close();
        if (v6 != null) v6.close();
    }

    record Case(String iri, String rule, String host) {}

    static List<Case> cases() {
        int p = v4.getLocalPort();
        List<Case> c = new ArrayList<>();
        c.add(new Case("http://127.0.0.1:" + p + "/sparql", "127.0.0.1 is a loopback address (127.0.0.0/8)", null));
        c.add(new Case("http://127.9.9.9:" + p + "/sparql", "127.9.9.9 is a loopback address (127.0.0.0/8)", null));
        c.add(new Case("http://localhost:" + p + "/sparql", "'localhost' is a loopback host name", "localhost"));
        c.add(new Case("http://LocalHost.:" + p + "/sparql", "'localhost' is a loopback host name", "LocalHost."));
        c.add(new Case("http://[::1]:" + p + "/sparql", "[::1] is the IPv6 loopback address", null));
        c.add(new Case("http://[0:0:0:0:0:0:0:1]:" + p + "/sparql", "is the IPv6 loopback address", null));
        c.add(new Case("http://[::ffff:127.0.0.1]:" + p + "/sparql", "maps 127.0.0.1 is a loopback address", null));
        c.add(new Case("http://2130706433:" + p + "/sparql", "written in a non-standard form", null));
        c.add(new Case("http://0x7f000001:" + p + "/sparql", "written in a non-standard form", null));
        c.add(new Case("http://0x7f.0.0.1:" + p + "/sparql", "written in a non-standard form", null));
        c.add(new Case("http://0177.0.0.1:" + p + "/sparql", "written in a non-standard form", null));
        c.add(new Case("http://017.0.0.1:" + p + "/sparql", "not a plain dotted-decimal address", null));
        c.add(new Case("http://127.1:" + p + "/sparql", "written in a non-standard form", null));
        c.add(new Case("http://127.0.0.1.nip.io:" + p + "/sparql", "'127.0.0.1.nip.io' is not an endpoint on this server's allow-list", "127.0.0.1.nip.io"));
        c.add(new Case("http://10.1.2.3/sparql", "10.1.2.3 is a private address (10.0.0.0/8)", null));
        c.add(new Case("http://172.16.0.1/sparql", "172.16.0.1 is a private address (172.16.0.0/12)", null));
        c.add(new Case("http://172.31.255.254/sparql", "172.31.255.254 is a private address (172.16.0.0/12)", null));
        c.add(new Case("http://192.168.0.10/sparql", "192.168.0.10 is a private address (192.168.0.0/16)", null));
        c.add(new Case("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address (169.254.0.0/16)", null));
        c.add(new Case("http://[fe80::1]/sparql", "[fe80::1] is a link-local address (fe80::/10)", null));
        c.add(new Case("http://[febf:ffff::1]/sparql", "is a link-local address (fe80::/10)", null));
        c.add(new Case("http://[fd12:3456::1]/sparql", "unique local (private) address (fc00::/7)", null));
        c.add(new Case("http://[::ffff:192.168.1.1]/sparql", "maps 192.168.1.1 is a private address", null));
        c.add(new Case("file:///etc/passwd", "the scheme 'file:' is not allowed", null));
        c.add(new Case("ftp://127.0.0.1:" + p + "/data", "the scheme 'ftp:' is not allowed", null));
        c.add(new Case("https://query.wikidata.org@127.0.0.1:" + p + "/sparql", "user information in an endpoint IRI is not allowed", null));
        c.add(new Case("https://sparql.example.com/sparql", "'sparql.example.com' is not an endpoint on this server's allow-list", "sparql.example.com"));
        c.add(new Case("https://query.wikidata.org.attacker.example/sparql", "is not an endpoint on this server's allow-list", "query.wikidata.org.attacker.example"));
        c.add(new Case("https://dbpedia.org/sparql", "'dbpedia.org' is not an endpoint on this server's allow-list", "dbpedia.org"));
        c.add(new Case("http://intranet/sparql", "'intranet' is a local network name", "intranet"));
        return c;
    }

    @Test
    void everyRefusalHappensBeforeAnyLookupOrConnection() throws Exception {
        // The recording resolver is in use: a lookup of a name shows in its list.
        assertThrows(UnknownHostException.class, () -> InetAddress.getByName("canary-lookup.invalid"));
        assertTrue(RecordingResolverProvider.LOOKUPS.contains("canary-lookup.invalid"), "the recording resolver is not installed");

        int lookupsBefore = RecordingResolverProvider.LOOKUPS.size();
        List<String> names = new ArrayList<>();
        for (Case c : cases()) {
            String query = "SELECT * WHERE { SERVICE <" + c.iri() + "> { ?s ?p ?o } } LIMIT 1";
            var r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), c.iri() + ": " + r.body());
            assertTrue(r.body().contains("SERVICE <" + c.iri() + "> is refused: "), r.body());
            assertTrue(r.body().contains(c.rule()), c.iri() + " should be refused for '" + c.rule() + "': " + r.body());
            if (c.host() != null)
                names.add(c.host());
        }
        for (ServerSocket s : new ServerSocket[] {v4, v6}) {
            if (s == null)
                continue;
            s.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, s::accept, "a refused SERVICE connected to " + s.getLocalSocketAddress());
        }
        List<String> lookups = List.copyOf(RecordingResolverProvider.LOOKUPS.subList(lookupsBefore, RecordingResolverProvider.LOOKUPS.size()));
        for (String name : names)
            assertFalse(lookups.stream().anyMatch(l -> l.equalsIgnoreCase(name) || l.equalsIgnoreCase(name + ".")),
                    "the name " + name + " was looked up: " + lookups);
        anAllowedServiceDoesConnect();
    }

    /**
     * The proof above means something: with the listener's IRI on a server's allow-list, the same
     * kind of query does connect to it (run after the refusals, since the listener's queue would
     * then hold a connection).
     */
    static void anAllowedServiceDoesConnect() throws Exception {
        String iri = "http://127.0.0.1:" + v4.getLocalPort() + "/sparql";
        FusekiServer allowing = ChipgraphServer.build(TestGraph.dataset(),
                new ServerOptions(0, Duration.ofSeconds(2), true, ServicePolicy.of(java.util.Map.of(iri, iri))));
        allowing.start();
        try {
            String query = "SELECT * WHERE { SERVICE <" + iri + "> { ?s ?p ?o } } LIMIT 1";
            var pending = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + allowing.getHttpPort()
                    + "/chipgraph/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            v4.setSoTimeout(15_000);
            try (var accepted = v4.accept()) {
                assertTrue(accepted.isConnected(), "the allowed SERVICE connected");
            }
            pending.cancel(true);
        } finally {
            allowing.stop();
        }
    }
}
