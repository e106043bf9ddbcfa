package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.chipgraph.TestServer;

/** Small things users hit (issue 16 item 5): the favicon, questions in natural order, empty columns dropped. */
class DeskDetailsTest {
    @RegisterExtension
    static final TestServer server = TestServer.on(TestGraph::dataset).project(TestGraph.PROJECT);

    static HttpResponse<String> get(String path) throws Exception {
        return server.get(path, "text/html");
    }

    @Test
    void everyPageHasAnIconThatLoads() throws Exception {
        HttpResponse<String> ico = get("/favicon.ico");
        assertEquals(200, ico.statusCode());
        assertEquals("image/svg+xml", ico.headers().firstValue("Content-Type").orElse(""));
        assertTrue(ico.body().startsWith("<svg"), ico.body());
        for (String page : List.of("/", "/id/nvidia", "/queries", "/queries/r1-depends-on-tsmc", "/search?q=tsmc")) {
            String html = get(page).body();
            assertTrue(html.contains("<link rel=\"icon\" href=\"/assets/favicon.svg\""), page + " names its icon");
        }
        assertEquals(200, get("/assets/favicon.svg").statusCode());
    }

    @Test
    void theHomePageListsQuestionsInNaturalOrder() throws Exception {
        String home = get("/").body();
        int d1 = home.indexOf(">D1<"), d2 = home.indexOf(">D2<"), d9 = home.indexOf(">D9<"), d10 = home.indexOf(">D10<");
        assertTrue(d1 > 0 && d1 < d2 && d2 < d10, "D1, D2, ..., D10: " + d1 + " " + d2 + " " + d10);
        assertTrue(d9 < 0 || d9 < d10, "D9 before D10");
    }

    @Test
    void anAnswerPageLeavesOutColumnsEmptyInEveryRow() throws Exception {
        // On 2023-11-17 no chip had a revenue share or a condition (both came with the 2025 approvals).
        String page = get("/queries/r3-licence-status?asOf=2023-11-17").body();
        String head = page.substring(page.indexOf("<thead>"), page.indexOf("</thead>"));
        assertTrue(head.contains(">chip<") && head.contains(">classification<"), head);
        assertFalse(head.contains("revenueSharePercent") || head.contains(">condition<"), head);
        assertTrue(page.contains("Left out, empty in every row: revenueSharePercent, condition"), "the page says what it left out");
        // On 2025-12-10 the H200 approval has both: the columns are back.
        String later = get("/queries/r3-licence-status?asOf=2025-12-10").body();
        assertTrue(later.substring(later.indexOf("<thead>"), later.indexOf("</thead>")).contains("revenueSharePercent"));
    }
}
