package org.w3id.chipgraph.link;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.WikidataFixture;
import org.w3id.chipgraph.cli.Main;
import java.util.concurrent.Executors;

/** {@code link suggest} against the local Wikidata fixture: candidates for unlinked entities only, nothing written. */
class LinkSuggestTest {
    static WikidataFixture wikidata;

    @BeforeAll
    static void start() {
        wikidata = WikidataFixture.start();
    }

    @AfterAll
    static void stop() {
        wikidata.close();
    }

    @Test
    void unlinkedEntitiesAreThoseWithoutAWikidataLink() {
        List<String> unlinked = LinkSuggester.unlinked(TestGraph.dataset()).stream().map(LinkSuggester.Entity::iri).toList();
        assertTrue(unlinked.contains(Chipgraph.ID + "jensen-huang"), unlinked.toString());
        assertTrue(unlinked.contains(Chipgraph.ID + "smic"), unlinked.toString());
        assertFalse(unlinked.contains(Chipgraph.ID + "nvidia"), "Nvidia has its owl:sameAs");
        assertFalse(unlinked.contains(Chipgraph.ID + "tsmc"), "TSMC has its owl:sameAs");
    }

    @Test
    void jensenHuangIsProposedWithQidLabelDescriptionAndScore() {
        var entities = LinkSuggester.unlinked(TestGraph.dataset());
        var candidates = new LinkSuggester(wikidata.endpoint()).suggest(entities, 3);
        var huang = candidates.stream().filter(c -> c.entity().equals(Chipgraph.ID + "jensen-huang")).toList();
        assertEquals(1, huang.size(), candidates.toString());
        var c = huang.get(0);
        assertEquals("Q305177", c.qid());
        assertEquals("Jensen Huang", c.label());
        assertEquals("founder and CEO of Nvidia", c.description());
        assertEquals(1.0, c.score());
        assertTrue(c.matchedNames().containsAll(List.of("Jensen Huang@en", "젠슨 황@ko", "Jen-Hsun Huang@en")), c.matchedNames().toString());
        // Already linked entities are not searched, so their items are never proposed again.
        assertTrue(candidates.stream().noneMatch(x -> x.qid().equals("Q182477") || x.qid().equals("Q713418")), candidates.toString());
    }

    @Test
    void theCommandPrintsCandidatesAndWritesNothing(@TempDir Path tmp) {
        Path project = ProjectCopy.into(tmp.resolve("p"));
        String db = tmp.resolve("db").toString();
        assertEquals(0, Main.run("load", "--project", project.toString(), "--db", db));
        String storeBefore = ProjectCopy.treeHash(tmp.resolve("db"));
        String projectBefore = ProjectCopy.treeHash(project);

        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.run("link", "suggest", "--project", project.toString(), "--db", db, "--wikidata", wikidata.endpoint());
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("id:jensen-huang") && l.contains("Q305177") && l.contains("1.00")
                && l.contains("Jensen Huang") && l.contains("founder and CEO of Nvidia")), text);
        assertTrue(text.contains("Nothing was written"), text);
        assertEquals(storeBefore, ProjectCopy.treeHash(tmp.resolve("db")), "link suggest must not write to the store");
        assertEquals(projectBefore, ProjectCopy.treeHash(project), "link suggest must not write any file");
    }

    /** Why a Wikidata search failed, each cause from a loopback stand-in (or a name that never resolves): never the network. */
    @Test
    void aFailedSearchSaysWhy() throws Exception {
        var entities = LinkSuggester.unlinked(TestGraph.dataset()).subList(0, 3);
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/busy", ex -> {
            byte[] b = "Service Unavailable: too many requests from your address".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        stub.createContext("/slow", ex -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        stub.setExecutor(Executors.newCachedThreadPool());
        stub.start();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + stub.getAddress().getPort();
        try {
            assertFailure(base + "/busy", entities, "failed: HTTP 503", "too many requests");
            assertFailure(base + "/slow", entities, "failed: timed out waiting for the answer");
            assertFailure("http://127.0.0.1:" + closed + "/sparql", entities, "failed: cannot connect to 127.0.0.1:" + closed);
            assertFailure("https://query.wikidata.invalid/sparql", entities,
                    "failed: cannot resolve the host name 'query.wikidata.invalid' (offline, or a DNS problem)");
        } finally {
            stub.stop(0);
        }
    }

    static void assertFailure(String url, List<LinkSuggester.Entity> entities, String... expected) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> new LinkSuggester(url, Duration.ofSeconds(1)).suggest(entities, 3));
        assertTrue(e.getMessage().startsWith("The Wikidata search at " + url + " failed: "), e.getMessage());
        for (String x : expected)
            assertTrue(e.getMessage().contains(x), e.getMessage());
    }
}
