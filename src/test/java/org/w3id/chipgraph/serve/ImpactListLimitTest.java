package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.cli.ReportText;

/**
 * A what-if answer lists at most {@code limit} entities of each kind (issue 17: a hub at a
 * million edges affects over 100,000, and writing them all was most of the answer's time), says
 * how many there are in all, and lists the same first entities as the whole answer.
 */
class ImpactListLimitTest {
    static FusekiServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ChipgraphServer.build(TestGraph.dataset(), new ServerOptions(0, Duration.ofSeconds(30), true));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsStopAtTheLimitAndTheCountsTellTheRest() throws Exception {
        JsonObject all = JSON.parse(get("/api/impact?remove=tsmc&limit=100000").body());
        JsonObject two = JSON.parse(get("/api/impact?remove=tsmc&limit=2").body());
        for (String list : List.of("losesEveryPath", "losesSomePaths")) {
            JsonArray whole = all.get(list).getAsArray(), cut = two.get(list).getAsArray();
            assertTrue(whole.size() > 2, "removing TSMC affects more than 2 (" + list + ": " + whole.size() + ")");
            assertEquals(whole.size(), all.get(list + "Count").getAsNumber().value().intValue(), "the count of the whole list");
            assertEquals(whole.size(), two.get(list + "Count").getAsNumber().value().intValue(), "the count is of all, not of those listed");
            assertEquals(List.of(whole.get(0), whole.get(1)), List.of(cut.get(0), cut.get(1)), "the first two of the whole list");
            assertEquals(2, cut.size());
        }
        String text = ReportText.impact(two);
        int failed = two.get("losesEveryPathCount").getAsNumber().value().intValue();
        assertTrue(text.contains("... and " + (failed - 2) + " more (" + failed + " in all"), text);
    }

    @Test
    void theDefaultLimitKeepsTheCuratedAnswersWhole() throws Exception {
        JsonObject dflt = JSON.parse(get("/api/impact?remove=tsmc").body());
        for (String list : List.of("losesEveryPath", "losesSomePaths"))
            assertEquals(dflt.get(list + "Count").getAsNumber().value().intValue(), dflt.get(list).getAsArray().size(), list);
        assertFalse(ReportText.impact(dflt).contains("more ("), "no line about more when all are listed");
    }

    @Test
    void aLimitOutOfRangeIsABadRequestNamingIt() throws Exception {
        for (String bad : List.of("-1", "100001", "ten")) {
            HttpResponse<String> r = get("/api/impact?remove=tsmc&limit=" + bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().contains("limit"), r.body());
        }
    }
}
