package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.w3id.chipgraph.TestGraph;

/**
 * The chip explorer and the measures timeline in headless Chromium at 1400×1000, on the graph
 * `load` builds by default: rows present, sorting and filters change what is shown, the CSV has
 * the rows shown, links resolve; the timeline's items, filters and drawn links. Set up by
 * {@link BrowserFixture} (skipped where Chromium is missing, failed under CI); a failed test
 * leaves its screenshots in target/browser-screenshots/.
 */
class DeskBrowserTest {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture(TestGraph::full, 1400, Duration.ofSeconds(30));
    // Each test's instance is made after the fixture started the server and the browser.
    final WebDriver driver = browser.driver();
    final String base = browser.base();

    @SuppressWarnings("unchecked")
    List<String> column(int index) {
        return (List<String>) browser.js("return Array.from(document.querySelectorAll('#chips tbody tr')).map(r => r.children[arguments[0]].textContent.trim());", index);
    }

    static int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits for the page that a click or a changed filter loads (the old table goes stale). */
    void reloadedAfter(Runnable action) {
        WebElement old = driver.findElement(By.tagName("main"));
        action.run();
        browser.waiting().until(ExpectedConditions.stalenessOf(old));
        browser.waiting().until(d -> !d.findElements(By.tagName("main")).isEmpty());
    }

    @Test
    void chipsSortFilterCsvAndLinks() throws Exception {
        driver.get(base + "/chips?asOf=2025-06-01");
        browser.step("chips");
        List<String> names = column(0);
        assertTrue(names.size() > 150, names.size() + " rows");
        assertTrue(names.contains("Nvidia H20"));
        // sorting: a click on TPP sorts by it, a second click turns the order round
        reloadedAfter(() -> driver.findElement(By.cssSelector("th[data-key=tpp] a")).click());
        browser.step("sorted-by-tpp");
        List<Double> up = column(5).stream().filter(s -> !s.isEmpty()).map(Double::parseDouble).toList();
        assertTrue(up.size() > 100 && up.get(0) <= up.get(up.size() - 1), "ascending: " + up);
        reloadedAfter(() -> driver.findElement(By.cssSelector("th[data-key=tpp] a")).click());
        List<Double> down = column(5).stream().filter(s -> !s.isEmpty()).map(Double::parseDouble).toList();
        assertEquals(up.get(up.size() - 1), down.get(0), "descending starts with the largest TPP");
        assertEquals("descending", driver.findElement(By.cssSelector("th[data-key=tpp]")).getAttribute("aria-sort"));
        // filters: the designer (the script submits on change), then a classification
        reloadedAfter(() -> new Select(driver.findElement(By.id("designer"))).selectByValue("nvidia"));
        browser.step("nvidia");
        assertTrue(column(1).stream().allMatch("Nvidia"::equals), column(1).toString());
        assertTrue(column(0).contains("Nvidia H20") && column(0).size() < names.size());
        reloadedAfter(() -> new Select(driver.findElement(By.id("classification"))).selectByValue("eccn-3a090:none"));
        browser.step("nvidia-none");
        // §1.2: under the October 2023 thresholds the H20 meets neither 3A090.a nor .b; the H100 meets 3A090.a
        assertTrue(column(0).contains("Nvidia H20") && !column(0).contains("Nvidia H100"), column(0).toString());
        // the CSV link gives exactly the rows shown, in the same order
        String csvHref = driver.findElement(By.id("csv")).getAttribute("href");
        String body = http.send(HttpRequest.newBuilder(URI.create(csvHref)).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> csvNames = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)))
            csvNames.add(r.get("chip"));
        assertEquals(column(0), csvNames);
        // the links resolve, and a chip's link opens its page
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.js("return Array.from(document.querySelectorAll('#chips tbody a')).map(a => a.href);");
        for (String h : hrefs)
            assertEquals(200, status(h), h);
        reloadedAfter(() -> driver.findElement(By.linkText("Nvidia H20")).click());
        assertEquals(base + "/id/h20", driver.getCurrentUrl());
        assertEquals("Nvidia H20", driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void aDateChangesTheClassification() {
        driver.get(base + "/chips?designer=nvidia&asOf=2023-01-01");
        // §1.2: the A800 was uncontrolled under the 2022 rule, 3A090.a.1 from November 2023
        assertEquals("none met", a800Classification());
        WebElement date = driver.findElement(By.id("asOf"));
        reloadedAfter(() -> browser.js("var d = document.getElementById('asOf'); d.value = '2024-01-01'; d.dispatchEvent(new Event('change', {bubbles: true}));"));
        browser.step("asOf-2024");
        assertTrue(a800Classification().contains("3A090.a.1"), a800Classification());
        assertNotNull(date);
    }

    private String a800Classification() {
        return (String) browser.js("var r = Array.from(document.querySelectorAll('#chips tbody tr')).find(r => r.children[0].textContent.trim() === 'Nvidia A800');"
                + " return r.querySelector('td.cls').textContent.trim();");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cardBoxes() {
        return (List<Map<String, Object>>) browser.js("return Array.from(document.querySelectorAll('#timeline article.item')).map(a => {"
                + " var r = a.getBoundingClientRect(); var l = a.querySelector('.item-link');"
                + " return {key: a.dataset.key, x: r.left, y: r.top + window.scrollY, w: r.width, h: r.height,"
                + " font: parseFloat(getComputedStyle(l).fontSize), lane: a.style.left}; });");
    }

    @Test
    void timelineItemsFiltersLinksAndReadability() throws Exception {
        driver.get(base + "/timeline");
        browser.step("timeline");
        List<Map<String, Object>> cards = cardBoxes();
        assertTrue(cards.size() > 50, cards.size() + " items");
        // readable at 1400×1000: labels of 12 px or more, no two cards overlapping, the picture inside the window's width
        for (Map<String, Object> c : cards)
            assertTrue(((Number) c.get("font")).doubleValue() >= 12, c.toString());
        for (int i = 0; i < cards.size(); i++)
            for (int j = i + 1; j < cards.size(); j++)
                assertFalse(overlap(cards.get(i), cards.get(j)), cards.get(i) + " overlaps " + cards.get(j));
        assertTrue(((Number) browser.js("return document.getElementById('timeline').getBoundingClientRect().right;")).doubleValue() <= 1400);
        // links drawn: §3, the suspension of clause 2 of No. 46 [2024]; §2.1, MOFCOM's protest against BIS's Ascend guidance
        for (String sel : List.of("path.link.suspends[data-from='mofcom-46-2024-clause-2-suspension'][data-to='mofcom-46-2024-clause-2']",
                "path.link.inResponseTo[data-from='mofcom-ascend-guidance-protest-2025'][data-to='bis-ascend-guidance-2025-05']")) {
            WebElement p = driver.findElement(By.cssSelector(sel));
            Number len = (Number) browser.js("return arguments[0].getTotalLength();", p);
            assertTrue(len.doubleValue() > 20, sel + " drawn, length " + len);
        }
        // a filter by issuer: fewer items, all in the Chinese government's lane
        reloadedAfter(() -> new Select(driver.findElement(By.id("issuer"))).selectByValue("chinese-government"));
        browser.step("chinese-government");
        List<Map<String, Object>> chinese = cardBoxes();
        assertTrue(chinese.size() < cards.size() && chinese.size() > 15, chinese.size() + " items");
        assertEquals(1, chinese.stream().map(c -> c.get("lane")).distinct().count(), "one lane");
        assertTrue(chinese.stream().anyMatch(c -> c.get("key").equals("mofcom-gac-gallium-germanium-2023")));
        assertTrue(chinese.stream().noneMatch(c -> c.get("key").equals("bis-rule-2022-10-07")));
        // a filter by kind
        reloadedAfter(() -> new Select(driver.findElement(By.id("kind"))).selectByValue("ExportControlRule"));
        assertTrue(cardBoxes().stream().allMatch(c -> driver.findElement(By.id("item-" + c.get("key"))).getAttribute("class").contains("kind-ExportControlRule")));
        // every item and source link resolves; an item's link opens its page
        driver.get(base + "/timeline");
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.js("return Array.from(document.querySelectorAll('#timeline a.item-link, #timeline a.source')).map(a => a.href);");
        assertTrue(hrefs.size() > 100);
        for (String h : hrefs)
            assertEquals(200, status(h), h);
        reloadedAfter(() -> driver.findElement(By.cssSelector("#item-bis-rule-2022-10-07 a.item-link")).click());
        assertEquals(base + "/id/bis-rule-2022-10-07", driver.getCurrentUrl());
    }

    private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
        double ax = d(a, "x"), ay = d(a, "y"), bx = d(b, "x"), by = d(b, "y");
        return ax < bx + d(b, "w") && bx < ax + d(a, "w") && ay < by + d(b, "h") && by < ay + d(a, "h");
    }

    private static double d(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }
}
