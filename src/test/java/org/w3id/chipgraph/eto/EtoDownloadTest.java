package org.w3id.chipgraph.eto;

import static org.junit.jupiter.api.Assertions.*;
import static org.w3id.chipgraph.cli.CliRun.run;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.input.LoadException;

import com.sun.net.httpserver.HttpServer;
import org.w3id.chipgraph.cli.CliRun;

/**
 * {@code load --eto} without a directory downloads the five files; here from a local HTTP server
 * on loopback serving the fixture (the base-URL option), never from the network. Also: the
 * files of the directory form, and load.eto in chipgraph.properties.
 */
class EtoDownloadTest {
    @TempDir Path tmp;
    HttpServer http;
    String base;
    final List<String> requested = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/eto/data/", ex -> {
            String name = ex.getRequestURI().getPath().substring("/eto/data/".length());
            requested.add(name);
            Path f = EtoFixture.DIR.resolve(name);
            if (!EtoDataset.FILES.contains(name) || !Files.isRegularFile(f)) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            byte[] body = Files.readAllBytes(f);
            ex.getResponseHeaders().add("Content-Type", "text/csv; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort() + "/eto/data/";
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void loadEtoWithoutADirectoryDownloadsTheFiles() {
        Path project = ProjectCopy.into(tmp.resolve("p"));
        CliRun r = run("load", "--project", project.toString(), "--db", tmp.resolve("db").toString(), "--eto", "--eto-base-url", base);
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("importing the ETO supply-chain dataset from " + base), r.out());
        assertTrue(r.out().contains("read 3 stages, 5 inputs, 13 providers, 18 provision rows, 3 sequence rows"), r.out());
        assertTrue(r.out().contains("https://w3id.org/chipgraph/graph/eto"), "graph/eto is in the published store: " + r.out());
        assertEquals(EtoDataset.FILES, List.copyOf(requested));
    }

    @Test
    void aFailedDownloadNamesTheUrlAndLoadsNothing() {
        Path project = ProjectCopy.into(tmp.resolve("p"));
        CliRun r = run("load", "--project", project.toString(), "--db", tmp.resolve("db").toString(), "--eto", "--eto-base-url",
                base.replace("/eto/data/", "/nowhere/"));
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(base.replace("/eto/data/", "/nowhere/") + "stages.csv: cannot download the ETO file: HTTP 404"), r.err());
        assertFalse(Files.exists(tmp.resolve("db/CURRENT")), "nothing was published");
    }

    @Test
    void aDownloadWhoseDigestIsNotThePinnedOneIsRefused() {
        EtoSource pinned = EtoSource.download(base, Map.of("stages.csv", "0".repeat(64)));
        LoadException e = assertThrows(LoadException.class, pinned::fetch);
        assertTrue(e.getMessage().startsWith(base + "stages.csv: SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains("at commit " + EtoSource.COMMIT), e.getMessage());
    }

    @Test
    void theDefaultDownloadIsThePinnedCommitOfThePublicRepository() {
        assertEquals("https://raw.githubusercontent.com/georgetown-cset/eto-supply-chain/4ad9219e626bd53e70175feb44b25b03e03e0025/data/",
                EtoSource.DEFAULT_BASE);
        assertEquals("https://github.com/georgetown-cset/eto-supply-chain at 4ad9219 (data/)", EtoSource.download().describe());
        assertEquals(EtoDataset.FILES.size(), EtoSource.SHA256.size());
        assertThrows(LoadException.class, () -> EtoSource.download("file:///etc/"));
    }

    @Test
    void loadEtoDirAndTheConfigurationFile() throws IOException {
        Path project = ProjectCopy.into(tmp.resolve("p"));
        CliRun dir = run("load", "--project", project.toString(), "--db", tmp.resolve("db1").toString(), "--eto", EtoFixture.DIR.toString());
        assertEquals(0, dir.code(), dir.err());
        assertTrue(dir.out().contains("read 3 stages, 5 inputs"), dir.out());

        EtoFixture.copy(project.resolve("eto-data"));
        Files.writeString(project.resolve("chipgraph.properties"), "# where load finds the ETO dataset\nload.eto = eto-data\n");
        CliRun configured = run("load", "--project", project.toString(), "--db", tmp.resolve("db2").toString());
        assertEquals(0, configured.code(), configured.err());
        assertTrue(configured.out().contains("importing the ETO supply-chain dataset from eto-data"), configured.out());

        Files.writeString(project.resolve("chipgraph.properties"), "load.eto = download\nload.eto.base-url = " + base + "\n");
        requested.clear();
        CliRun downloaded = run("load", "--project", project.toString(), "--db", tmp.resolve("db3").toString());
        assertEquals(0, downloaded.code(), downloaded.err());
        assertEquals(EtoDataset.FILES, List.copyOf(requested));
    }
}
