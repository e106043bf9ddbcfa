package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * The reload trigger {@code POST /$/reload}: refused without credentials and with wrong ones
 * (401, the served version unchanged), switches to the published version with them, and over
 * HTTPS too; on an in-memory server there is nothing to follow (409).
 */
class AdminReloadTest {
    static final String PASSWORD = "a long pass phrase";
    static final String ASK_NEW = "ASK { <https://w3id.org/chipgraph/id/test-reload-chip> ?p ?o }";
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);

    @TempDir Path tmp;

    AdminCredentials credentials() throws Exception {
        Path f = tmp.resolve("admin.passwd");
        // Few iterations keep the test fast; the command's default is 600,000.
        Files.writeString(f, "admin:" + AdminCredentials.hash(PASSWORD, 1000) + "\n");
        return AdminCredentials.read(f);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> reload(HttpClient client, String base, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/$/reload")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null)
            b.header("Authorization", authorization);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean askNew(HttpClient client, String base) throws Exception {
        var r = client.send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/sparql?query=" + URLEncoder.encode(ASK_NEW, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("boolean").getAsBoolean().value();
    }

    /** A store with one published version, and a project whose next load adds test-reload-chip. */
    VersionedStore storeWithNextVersionReady(Path project) throws Exception {
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        new Loader(InputFiles.in(project), List.of(), quiet).load(store);
        Files.writeString(project.resolve("data/zz-reload.trig"), """
                @prefix cg: <https://w3id.org/chipgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/chipgraph/graph/register> {
                  <https://w3id.org/chipgraph/id/test-reload-chip> a cg:Accelerator ; rdfs:label "Reload chip"@en, "리로드 칩"@ko .
                }
                """);
        return store;
    }

    @Test
    void refusedWithoutOrWithWrongCredentialsAndSwitchesWithThem() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("project"));
        VersionedStore store = storeWithNextVersionReady(project);
        String first = store.currentVersion().orElseThrow();
        ServerOptions options = new ServerOptions(0, Duration.ofSeconds(10), true).with(SecurityOptions.defaults().withAdmin(credentials()));
        FusekiServer server = ChipgraphServer.build(store.openCurrent(), options);
        server.start();
        // No polling: only the trigger can switch this server.
        StoreFollower follower = new StoreFollower(store, first, server, options, quiet);
        ChipgraphServer.attachFollower(server, follower);
        String base = "http://127.0.0.1:" + server.getHttpPort();
        try {
            new Loader(InputFiles.in(project), List.of(), quiet).load(store);
            String second = store.currentVersion().orElseThrow();
            assertNotEquals(first, second);

            for (String auth : new String[] {null, basic("admin", "wrong"), basic("admin", PASSWORD.toUpperCase()), basic("root", PASSWORD),
                    basic("admin", ""), "Basic !!not-base64!!", "Bearer " + PASSWORD, basic("", PASSWORD)}) {
                var r = reload(http, base, auth);
                assertEquals(401, r.statusCode(), "Authorization: " + auth + " -> " + r.body());
                assertEquals("Basic realm=\"chipgraph admin\", charset=\"UTF-8\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
                assertEquals(first, follower.servedVersion());
                assertFalse(askNew(http, base), "still the first version");
            }
            var get = http.send(HttpRequest.newBuilder(URI.create(base + "/$/reload")).header("Authorization", basic("admin", PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode(), "only POST reloads");

            var ok = reload(http, base, basic("admin", PASSWORD));
            assertEquals(200, ok.statusCode(), ok.body());
            JsonObject json = JSON.parse(ok.body());
            assertEquals(second, json.get("served").getAsString().value());
            assertTrue(json.get("switched").getAsBoolean().value());
            assertEquals(second, follower.servedVersion());
            assertTrue(askNew(http, base), "the server answers from the published version at once");

            var metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/$/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), "metrics after a switch");
            assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("fuseki_requests_good") && l.contains("/chipgraph")), metrics.body());
            var ping = http.send(HttpRequest.newBuilder(URI.create(base + "/$/ping")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ping.statusCode());

            var again = reload(http, base, basic("admin", PASSWORD));
            assertEquals(200, again.statusCode());
            assertFalse(JSON.parse(again.body()).get("switched").getAsBoolean().value(), "nothing new to switch to");
        } finally {
            follower.close();
            server.stop();
        }
    }

    @Test
    void anInMemoryServerHasNoStoreToFollow() throws Exception {
        ServerOptions options = new ServerOptions(0, Duration.ofSeconds(10), true).with(SecurityOptions.defaults().withAdmin(credentials()));
        FusekiServer server = ChipgraphServer.build(TestGraph.dataset(), options);
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getHttpPort();
            assertEquals(401, reload(http, base, null).statusCode());
            var r = reload(http, base, basic("admin", PASSWORD));
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(r.body().contains("in-memory"), r.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void overHttpsWithAKeystore() throws Exception {
        Path keystore = tmp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "chipgraph", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed: " + out);
        Path conf = tmp.resolve("https.json");
        Files.writeString(conf, "{ \"keystore\": \"server.p12\", \"passwd\": \"changeit\" }\n");

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();

        ServerOptions options = new ServerOptions(0, Duration.ofSeconds(10), true)
                .with(SecurityOptions.defaults().withAdmin(credentials()).withHttps(0, conf));
        FusekiServer server = ChipgraphServer.build(TestGraph.dataset(), options);
        server.start();
        try {
            String base = "https://localhost:" + server.getHttpsPort();
            assertFalse(askNew(https, base), "SPARQL over HTTPS");
            assertEquals(401, reload(https, base, basic("admin", "wrong")).statusCode());
            assertEquals(409, reload(https, base, basic("admin", PASSWORD)).statusCode(), "authenticated over HTTPS (in memory: nothing to follow)");
        } finally {
            server.stop();
        }
    }
}
