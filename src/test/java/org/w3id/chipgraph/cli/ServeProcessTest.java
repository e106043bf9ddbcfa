package org.w3id.chipgraph.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.serve.AdminCredentials;
import org.w3id.chipgraph.store.VersionedStore;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;

/**
 * {@code serve} as users run it, in its own JVM: it prints its limits and the reload trigger,
 * logs one line per request with status and time, caps rows, refuses updates, answers ping and
 * metrics, and its reload trigger switches to a version that another process just published.
 */
class ServeProcessTest {
    static final Pattern ENDPOINT = Pattern.compile("SPARQL endpoint: (http://localhost:(\\d+)/chipgraph/sparql)");
    static final Pattern ACCESS = Pattern.compile("access - 127\\.0\\.0\\.1 \"(\\S+) (\\S+)\" (\\d{3}) (\\d+) ms");
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path tmp;

    @Test
    void serveLogsEveryRequestWithStatusAndTimeAndReloadsOnTheTrigger() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("project"));
        Path db = tmp.resolve("db");
        Path passwd = tmp.resolve("admin.passwd");
        Files.writeString(passwd, "ops:" + AdminCredentials.hash("pass phrase", 1000) + "\n");
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-cp", cp, "org.w3id.chipgraph.cli.Main", "serve",
                "--project", project.toString(), "--db", db.toString(), "--port", "0", "--localhost",
                "--timeout", "5", "--max-rows", "7", "--admin-password-file", passwd.toString())
                .redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; )
                    lines.add(line);
            } catch (IOException e) {
                // ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String endpoint = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (endpoint == null && System.nanoTime() < deadline && p.isAlive()) {
                synchronized (lines) {
                    for (String l : lines) {
                        Matcher m = ENDPOINT.matcher(l);
                        if (m.find())
                            endpoint = m.group(1);
                    }
                }
                Thread.sleep(100);
            }
            assertNotNull(endpoint, "serve did not start:\n" + String.join("\n", lines));
            String base = endpoint.substring(0, endpoint.indexOf("/chipgraph/"));
            String out = String.join("\n", lines);
            assertTrue(out.contains("Limits:          queries time out after 5 s; at most 7 rows"), out);
            assertTrue(out.contains("Reload trigger:  POST /$/reload"), out);

            List<String> made = new ArrayList<>();
            var all = send(made, HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode("SELECT * { ?s ?p ?o }", StandardCharsets.UTF_8)))
                    .header("Accept", "text/csv"));
            assertEquals(200, all.statusCode());
            assertEquals(8, all.body().lines().count(), "seven rows and the header");
            assertEquals("7", all.headers().firstValue("Chipgraph-Row-Cap").orElse(""));
            assertEquals(403, send(made, HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }"))).statusCode());
            assertEquals(200, send(made, HttpRequest.newBuilder(URI.create(base + "/$/ping"))).statusCode());
            assertEquals(200, send(made, HttpRequest.newBuilder(URI.create(base + "/$/metrics"))).statusCode());
            assertEquals(401, send(made, reload(base, null)).statusCode());

            // Another process publishes a new version; the trigger serves it now.
            VersionedStore store = new VersionedStore(db);
            String before = store.currentVersion().orElseThrow();
            new Loader(InputFiles.in(project), List.of(), new PrintStream(new ByteArrayOutputStream(), true)).load(store);
            String published = store.currentVersion().orElseThrow();
            assertNotEquals(before, published);
            var ok = send(made, reload(base, "ops:pass phrase"));
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(published, JSON.parse(ok.body()).get("served").getAsString().value());

            // One access line per request, with its status and time.
            List<String> logged = new ArrayList<>();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                logged.clear();
                synchronized (lines) {
                    for (String l : lines) {
                        Matcher m = ACCESS.matcher(l);
                        if (m.find())
                            logged.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
                    }
                }
                if (logged.size() >= made.size())
                    break;
                Thread.sleep(100);
            }
            assertEquals(made, logged, "one access line per request:\n" + String.join("\n", lines));
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS))
                p.destroyForcibly();
        }
    }

    static HttpRequest.Builder reload(String base, String userPassword) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/$/reload")).POST(HttpRequest.BodyPublishers.noBody());
        if (userPassword != null)
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8)));
        return b;
    }

    /** Send, and note "METHOD path status" as the access log should show it. */
    static HttpResponse<String> send(List<String> made, HttpRequest.Builder b) throws Exception {
        HttpRequest req = b.timeout(Duration.ofSeconds(30)).build();
        var r = http.send(req, HttpResponse.BodyHandlers.ofString());
        made.add(req.method() + " " + req.uri().getPath() + " " + r.statusCode());
        return r;
    }
}
