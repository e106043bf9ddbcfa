package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.TestGraph;

/**
 * Issue 12, the reload trigger: failed logins back off per client, few password checks run at
 * once, and a failure takes the same time for an unknown user, a plain-text user and a hashed one.
 */
class LoginHardeningTest {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path tmp;

    @Test
    void failedLoginsLockTheClientOutForLongerEachTime() {
        AtomicLong now = new AtomicLong();
        LoginThrottle t = new LoginThrottle(now::get);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertTrue(t.lockedFor("a").isZero(), "free try " + (i + 1));
            t.failed("a");
        }
        assertTrue(t.lockedFor("a").isZero(), "five failures are free");
        t.failed("a");
        assertEquals(Duration.ofSeconds(1), t.lockedFor("a"));
        assertTrue(t.lockedFor("b").isZero(), "another client is not locked out");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(t.lockedFor("a").isZero());
        t.failed("a");
        assertEquals(Duration.ofSeconds(2), t.lockedFor("a"));
        for (int i = 0; i < 20; i++)
            t.failed("a");
        assertEquals(Duration.ofSeconds(LoginThrottle.MAX_LOCK_SECONDS), t.lockedFor("a"), "capped");
        t.succeeded("a");
        assertTrue(t.lockedFor("a").isZero(), "a good login clears the record");
    }

    @Test
    void onlyAFewPasswordChecksRunAtOnce() throws Exception {
        LoginThrottle t = new LoginThrottle();
        for (int i = 0; i < LoginThrottle.CONCURRENT_CHECKS; i++)
            assertTrue(t.enterCheck(Duration.ZERO));
        assertFalse(t.enterCheck(Duration.ofMillis(50)), "a third check waits, then gives up");
        t.exitCheck();
        assertTrue(t.enterCheck(Duration.ZERO));
    }

    @Test
    void aFailureTakesTheSameTimeForUnknownPlainAndHashedUsers() throws Exception {
        Path f = tmp.resolve("admin.passwd");
        Files.writeString(f, "plain:a plain secret\nhashed:" + AdminCredentials.hash("a hashed secret", 100_000) + "\n");
        AdminCredentials c = AdminCredentials.read(f);
        String[][] cases = {{"plain", "wrong"}, {"nobody", "wrong"}, {"hashed", "wrong"}, {"plain", ""}};
        // Round robin after a warm-up, so that a busy machine slows every case alike; the median of 9.
        double[][] ms = new double[cases.length][9];
        for (String[] k : cases)
            assertFalse(c.check(k[0], k[1]));
        for (int i = 0; i < 9; i++)
            for (int k = 0; k < cases.length; k++) {
                long t0 = System.nanoTime();
                assertFalse(c.check(cases[k][0], cases[k][1]));
                ms[k][i] = (System.nanoTime() - t0) / 1e6;
            }
        double[] medians = Arrays.stream(ms).mapToDouble(m -> Arrays.stream(m).sorted().toArray()[m.length / 2]).toArray();
        double max = Arrays.stream(medians).max().orElseThrow(), min = Arrays.stream(medians).min().orElseThrow();
        assertTrue(max / min < 3, "median ms of plain, unknown, hashed, empty: " + Arrays.toString(medians));
        assertTrue(c.check("plain", "a plain secret") && c.check("hashed", "a hashed secret"), "the right passwords still work");
    }

    @Test
    void theReloadTriggerAnswers429AfterRepeatedFailuresEvenToTheRightPassword() throws Exception {
        Path f = tmp.resolve("admin.passwd");
        Files.writeString(f, "admin:" + AdminCredentials.hash("right", 1000) + "\n");
        ServerOptions options = new ServerOptions(0, Duration.ofSeconds(30), true)
                .with(SecurityOptions.defaults().withAdmin(AdminCredentials.read(f)));
        FusekiServer server = ChipgraphServer.build(TestGraph.dataset(), options);
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getHttpPort();
            for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++)
                assertEquals(401, AdminReloadTest.reload(http, base, AdminReloadTest.basic("admin", "wrong" + i)).statusCode());
            var locked = AdminReloadTest.reload(http, base, AdminReloadTest.basic("admin", "right"));
            assertEquals(429, locked.statusCode(), locked.body());
            assertEquals("1", locked.headers().firstValue("Retry-After").orElse(null));
            Thread.sleep(1100);
            // Authenticated (an in-memory server has no store to follow: 409).
            assertEquals(409, AdminReloadTest.reload(http, base, AdminReloadTest.basic("admin", "right")).statusCode());
        } finally {
            server.stop();
        }
    }
}
