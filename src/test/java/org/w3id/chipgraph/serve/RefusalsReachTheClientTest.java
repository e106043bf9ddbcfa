package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/**
 * A refusal must reach the client whole, however slowly its body arrives: the server reads a body
 * to its end before it answers (a response sent while the body was still coming was followed by a
 * reset that could destroy it: "header parser received no bytes" in the hostile-input tests on a
 * loaded machine); and a request the server cannot parse is answered with {@code Connection: close},
 * since the server then closes the connection (a client that kept it failed its next request).
 * Raw sockets, so that the body can be held back and the timing is the test's.
 */
class RefusalsReachTheClientTest {
    static final int CAP = 10_000;
    /** Long enough for a server that answers without waiting for the body to have answered. */
    static final int PAUSE_MS = 400;

    static FusekiServer server;
    static int port;

    @BeforeAll
    static void start() {
        server = ChipgraphServer.build(TestGraph.dataset(), new ServerOptions(0, Duration.ofSeconds(5), true, ServicePolicy.defaults())
                .with(SecurityOptions.defaults().withLimits(new ResourceLimits(CAP, ResourceLimits.DEFAULT_MAX_RESPONSE, ResourceLimits.DEFAULT_MAX_STRING))));
        server.start();
        port = server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static String head(String method, String path, String type, long length, String... extra) {
        StringBuilder h = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\n");
        h.append(length >= 0 ? "Content-Length: " + length + "\r\n" : "Transfer-Encoding: chunked\r\n");
        for (String e : extra) h.append(e).append("\r\n");
        return h.append("\r\n").toString();
    }

    /** Nothing to read within the pause: the server is waiting for the body. */
    static void assertNoAnswerYet(Socket s, String what) throws IOException {
        s.setSoTimeout(PAUSE_MS);
        try {
            int b = s.getInputStream().read();
            fail(what + ": the server answered (first byte " + b + ") before the body was sent");
        } catch (SocketTimeoutException expected) {
            // still waiting, as it should
        }
    }

    /** One response: status line and headers, then the body by its Content-Length, its chunks or the end of a closing connection. */
    record Answer(int status, String headers, String body) {}

    static Answer readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b, matched = 0;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        assertTrue(headers.startsWith("HTTP/1.1 "), "a status line: [" + headers + "]");
        int status = Integer.parseInt(headers.substring(9, 12));
        var m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
        if (m.find())
            return new Answer(status, headers, new String(in.readNBytes(Integer.parseInt(m.group(1))), StandardCharsets.UTF_8));
        if (headers.toLowerCase().contains("\r\ntransfer-encoding: chunked\r\n")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(line(in).trim(), 16)) > 0; line(in))
                body.write(in.readNBytes(size));
            line(in);
            return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
        }
        // no length: a closing connection's body runs to the end of the stream
        assertTrue(headers.toLowerCase().contains("connection: close"), "a length or a closing connection: " + headers);
        return new Answer(status, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    static String line(InputStream in) throws IOException {
        StringBuilder l = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; )
            if (b != '\r') l.append((char) b);
        return l.toString();
    }

    /** Sends {@code size} bytes in pieces, pausing between them. */
    static void sendSlowly(OutputStream out, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int piece = Math.max(1, bytes.length / 4);
        for (int i = 0; i < bytes.length; i += piece) {
            out.write(bytes, i, Math.min(piece, bytes.length - i));
            out.flush();
            Thread.sleep(50);
        }
    }

    /** POSTs the head, checks that nothing is answered while the body is held back, sends the body slowly, reads the answer. */
    static Answer headThenSlowBody(Socket s, String path, String type, String body, String what) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write(head("POST", path, type, body.length()).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertNoAnswerYet(s, what);
        sendSlowly(out, body);
        s.setSoTimeout(10_000);
        return readAnswer(s.getInputStream());
    }

    @Test
    void anOversizedBodyIsReadBeforeTheRefusalAndTheConnectionStaysUsable() throws Exception {
        String body = "SELECT * {} #" + "x".repeat(3 * CAP);
        try (Socket s = new Socket("127.0.0.1", port)) {
            Answer refused = headThenSlowBody(s, "/chipgraph/sparql", "application/sparql-query", body, "an oversized body");
            assertEquals(413, refused.status(), refused.body());
            OutputStream out = s.getOutputStream();
            assertTrue(refused.body().contains("--max-body"), "the refusal names the option: " + refused.body());
            // The body was read to its end, so the same connection answers the next request.
            out.write("GET /chipgraph/sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Answer next = readAnswer(s.getInputStream());
            assertEquals(200, next.status(), next.body());
            assertTrue(next.body().contains("true"), next.body());
        }
    }

    @Test
    void aChunkedBodyPastTheCapIsRefusedOnceItHasEnded() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(head("POST", "/chipgraph/sparql", "application/sparql-query", -1).getBytes(StandardCharsets.US_ASCII));
            String piece = "x".repeat(CAP / 2);
            for (int i = 0; i < 5; i++) {
                out.write((Integer.toHexString(piece.length()) + "\r\n" + piece + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (i == 3) assertNoAnswerYet(s, "a chunked body past the cap, not ended");
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(10_000);
            assertEquals(413, readAnswer(s.getInputStream()).status());
        }
    }

    @Test
    void aRefusedWriteWaitsForItsSmallBodyToo() throws Exception {
        String turtle = "<urn:x> <urn:y> <urn:z> .";
        try (Socket s = new Socket("127.0.0.1", port)) {
            int status = headThenSlowBody(s, "/chipgraph?graph=urn:x:g", "text/turtle", turtle, "a refused write").status();
            assertTrue(status == 403 || status == 404 || status == 405, "refused: " + status);
        }
    }

    @Test
    void aQueryWithinTheCapIsAnsweredFromTheBodyReadFirst() throws Exception {
        String query = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } # " + "y".repeat(CAP / 2);
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(head("POST", "/chipgraph/sparql", "application/sparql-query", query.length(), "Accept: text/csv", "Connection: close")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sendSlowly(out, query);
            s.setSoTimeout(10_000);
            Answer a = readAnswer(s.getInputStream());
            assertEquals(200, a.status(), a.body());
            assertTrue(a.body().matches("(?s)n\\r?\\n[1-9]\\d*\\r?\\n"), "a count of the test graph's triples: " + a.body());
        }
    }

    @Test
    void aClientThatWaitsForContinueOrDeclaresFarTooMuchIsRefusedWithoutSendingIt() throws Exception {
        for (String[] c : new String[][] {{"" + (CAP + 1), "Expect: 100-continue"}, {"" + (new ReadBodyFirst(CAP, null).drainLimit + 1), "X-None: 1"}}) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write(head("POST", "/chipgraph/sparql", "application/sparql-query", Long.parseLong(c[0]), c[1])
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                s.setSoTimeout(10_000);
                Answer a = readAnswer(s.getInputStream());
                assertEquals(413, a.status(), c[1] + ": " + a.body());
                assertFalse(a.headers().contains("100 Continue"), a.headers());
            }
        }
    }

    @Test
    void aRequestTooLongToParseSaysTheConnectionCloses() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("GET /chipgraph/sparql?query=ASK%7B%7D%23" + "x".repeat(2 * ResourceLimits.MAX_HEADER_BYTES)
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(10_000);
            Answer a = readAnswer(s.getInputStream());
            assertTrue(a.status() == 414 || a.status() == 431, "refused: " + a.status());
            assertTrue(a.headers().toLowerCase().contains("\r\nconnection: close\r\n"), "says it closes: " + a.headers());
            assertEquals(-1, s.getInputStream().read(), "and does close");
        }
    }

    @Test
    void bodiesHeldAtOnceShareABudgetAndGiveItBack() throws Exception {
        ReadBodyFirst reader = (ReadBodyFirst) server.getJettyServer().getHandler();
        String query = "ASK {} #" + "x".repeat(CAP - 8);
        List<Socket> slow = new ArrayList<>();
        try {
            // the budget's worth of bodies, each one byte short of its end
            for (int i = 0; i < ReadBodyFirst.BODIES_HELD; i++) {
                Socket s = new Socket("127.0.0.1", port);
                slow.add(s);
                s.getOutputStream().write((head("POST", "/chipgraph/sparql", "application/sparql-query", query.length(), "Accept: text/csv")
                        + query.substring(0, query.length() - 1)).getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (reader.held() < ReadBodyFirst.BODIES_HELD * (long) (CAP - 1) && System.nanoTime() < deadline)
                Thread.sleep(20);
            assertEquals(ReadBodyFirst.BODIES_HELD * (long) (CAP - 1), reader.held(), "every slow body is held");
            try (Socket s = new Socket("127.0.0.1", port)) {
                String more = "ASK {} #" + "y".repeat(ReadBodyFirst.BODIES_HELD + 1);    // longer than the BODIES_HELD bytes the budget has left
                s.getOutputStream().write((head("POST", "/chipgraph/sparql", "application/sparql-query", more.length()) + more).getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                s.setSoTimeout(10_000);
                Answer busy = readAnswer(s.getInputStream());
                assertEquals(503, busy.status(), busy.body());
                assertTrue(busy.headers().contains("Retry-After: 1"), busy.headers());
            }
            for (Socket s : slow) {
                s.getOutputStream().write("x".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                s.setSoTimeout(10_000);
                Answer a = readAnswer(s.getInputStream());
                assertEquals(200, a.status(), "a held body is answered once it ends: " + a.body());
            }
            deadline = System.nanoTime() + 10_000_000_000L;
            while (reader.held() > 0 && System.nanoTime() < deadline)
                Thread.sleep(20);
            assertEquals(0, reader.held(), "the budget is given back when the answers are done");
        } finally {
            for (Socket s : slow) s.close();
        }
    }

    @Test
    void aBodyThatStopsArrivingIsAnswered408AndGivesBackItsShare() throws Exception {
        FusekiServer idle = ChipgraphServer.build(TestGraph.dataset(), new ServerOptions(0, Duration.ofSeconds(5), true, ServicePolicy.defaults())
                .with(SecurityOptions.defaults().withLimits(new ResourceLimits(CAP, ResourceLimits.DEFAULT_MAX_RESPONSE, ResourceLimits.DEFAULT_MAX_STRING))));
        for (var c : idle.getJettyServer().getConnectors())
            ((org.eclipse.jetty.server.ServerConnector) c).setIdleTimeout(1000);
        idle.start();
        try (Socket s = new Socket("127.0.0.1", idle.getHttpPort())) {
            ReadBodyFirst reader = (ReadBodyFirst) idle.getJettyServer().getHandler();
            s.getOutputStream().write((head("POST", "/chipgraph/sparql", "application/sparql-query", 100) + "ASK {} #").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(10_000);
            long t0 = System.nanoTime();
            Answer a = readAnswer(s.getInputStream());
            assertEquals(408, a.status(), a.body());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 8000, "answered after the idle timeout, not the client's");
            assertEquals(0, reader.held(), "the stalled body's share is given back");
        } finally {
            idle.stop();
        }
    }
}
