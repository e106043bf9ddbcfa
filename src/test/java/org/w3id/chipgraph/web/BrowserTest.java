package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.w3id.chipgraph.TestGraph;

/**
 * The pages in a real browser: headless Chromium driven by Selenium through the system's
 * chromedriver, set up by {@link BrowserFixture} (skipped where Chromium is missing, failed
 * under CI). A failed test leaves a screenshot of each step in target/browser-screenshots/.
 */
class BrowserTest {
    static final String ID = "https://w3id.org/chipgraph/id/";

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture(TestGraph::dataset, 1280, Duration.ofSeconds(15));
    // Each test's instance is made after the fixture started the server and the browser.
    final WebDriver driver = browser.driver();
    final String base = browser.base();

    @SuppressWarnings("unchecked")
    Set<String> pictureNodeIds() {
        // A summary node of a large picture stands for its members.
        return new TreeSet<>((List<String>) browser.js("return window.chipgraphGraph.nodes().flatMap(n => n.data('members') || [n.id()]);"));
    }

    @Test
    void searchOpensTheEntityWhosePictureIsItsNeighbourhood() {
        driver.get(base + "/");
        browser.step("home");
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("엔비디아");
        WebElement first = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#q-suggestions li[role=option]")));
        browser.step("suggestions");
        assertEquals("true", box.getAttribute("aria-expanded"));
        assertTrue(first.getText().startsWith("Nvidia"), "first suggestion: " + first.getText());
        first.click();
        browser.waiting().until(ExpectedConditions.urlToBe(base + "/id/nvidia"));
        assertEquals("Nvidia", driver.findElement(By.tagName("h1")).getText());
        browser.pictureLoaded();
        browser.step("nvidia-page");

        // The picture at the default depth (2), and at depth 1, is the neighbourhood SPARQL finds.
        assertEquals(NeighbourhoodSparql.nodes(base + "/chipgraph/sparql", ID + "nvidia", 2), pictureNodeIds(), "depth 2");
        new Select(driver.findElement(By.id("depth"))).selectByValue("1");
        browser.waiting().until(d -> pictureNodeIds().equals(NeighbourhoodSparql.nodes(base + "/chipgraph/sparql", ID + "nvidia", 1)));
        browser.step("depth-1");
        new Select(driver.findElement(By.id("depth"))).selectByValue("2");
        browser.pictureLoaded();
        browser.waiting().until(d -> pictureNodeIds().size() > 10);

        // Inferred edges are drawn dashed, asserted ones solid; each type has its own colour.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> edges = (List<Map<String, Object>>) browser.js(
                "return window.chipgraphGraph.edges().map(e => ({inferred: e.data('inferred'), style: e.style('line-style'),"
                + " colour: e.style('line-color'), property: e.data('property')}));");
        long inferred = edges.stream().filter(e -> Boolean.TRUE.equals(e.get("inferred"))).count();
        assertTrue(inferred > 0 && inferred < edges.size(), "both kinds of edge: " + edges);
        for (Map<String, Object> e : edges)
            assertEquals(Boolean.TRUE.equals(e.get("inferred")) ? "dashed" : "solid", e.get("style"), e.toString());
        Map<Object, Set<Object>> coloursByProperty = new HashMap<>();
        edges.forEach(e -> coloursByProperty.computeIfAbsent(e.get("property"), k -> new HashSet<>()).add(e.get("colour")));
        coloursByProperty.forEach((p, c) -> assertEquals(1, c.size(), "one colour for " + p));
        assertEquals(coloursByProperty.size(), coloursByProperty.values().stream().map(s -> s.iterator().next()).distinct().count(),
                "a different colour per type");
    }

    @Test
    void clickingANodeOpensItsPage() {
        driver.get(base + "/id/h200");
        browser.pictureLoaded();
        browser.step("h200-page");
        // Where Cytoscape drew TSMC, relative to the picture's top-left corner.
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) browser.js(
                "var n = window.chipgraphGraph.getElementById(arguments[0]); return n.renderedPosition();", ID + "tsmc");
        WebElement graph = driver.findElement(By.id("graph"));
        // Wholly in view: Selenium offsets from the centre of the element's visible part.
        browser.js("arguments[0].scrollIntoView({block: 'center'});", graph);
        int dx = (int) Math.round(p.get("x").doubleValue() - graph.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(p.get("y").doubleValue() - graph.getSize().getHeight() / 2.0);
        new Actions(driver).moveToElement(graph, dx, dy).click().perform();
        browser.waiting().until(ExpectedConditions.urlToBe(base + "/id/tsmc"));
        browser.step("tsmc-page");
        assertEquals("TSMC", driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void aQuestionPageShowsRows() {
        driver.get(base + "/");
        driver.findElement(By.cssSelector("a[href='/queries/r1-depends-on-tsmc']")).click();
        browser.waiting().until(ExpectedConditions.urlToBe(base + "/queries/r1-depends-on-tsmc"));
        browser.step("r1-page");
        List<WebElement> rows = driver.findElements(By.cssSelector("table.results tbody tr"));
        assertFalse(rows.isEmpty(), "the answer has rows");
        assertTrue(rows.stream().anyMatch(r -> r.getText().equals("Nvidia")), "Nvidia depends on TSMC");
        assertEquals(Integer.toString(rows.size()), driver.findElement(By.cssSelector("p.count")).getAttribute("data-rows"));
    }

    @Test
    void theQueryEditorWorksUnderUi() {
        driver.manage().logs().get("browser");   // drop what earlier tests logged
        driver.get(base + "/ui/");
        // The UI lists the datasets it got from /ui/$/server (redirected to /$/server).
        browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("/chipgraph"));
        browser.step("fuseki-ui");
        // A question's "edit" link opens the editor with the question's query in it.
        driver.get(base + "/queries/s1-h200-approval");
        String editor = driver.findElement(By.linkText("open in the query editor")).getAttribute("href");
        assertTrue(editor.startsWith(base + "/ui/#/dataset/chipgraph/query?query="), editor);
        driver.get(editor);
        browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("#+ summary: Who announced the approval of Nvidia H200"));
        browser.step("editor-prefilled");
        // Running it from the editor answers from /chipgraph.
        driver.findElement(By.cssSelector(".yasqe_queryButton")).click();
        browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Donald Trump"));
        browser.step("editor-answer");
        assertNoPolicyViolation();
    }

    @Test
    void theFusekiUiIsReadOnly() {
        driver.get(base + "/ui/");
        browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("/chipgraph"));
        String notice = browser.waiting().until(d -> d.findElement(By.id("cg-readonly"))).getText();
        assertTrue(notice.startsWith("Read-only"), notice);
        // The dataset list and the dataset's tabs offer no write action a reader can see.
        browser.step("datasets");
        assertNoVisibleWriteAction();
        driver.get(base + "/ui/#/dataset/chipgraph/query");
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".yasqe_queryButton")).isEmpty());
        browser.step("query-tab");
        assertNoVisibleWriteAction();
        // Their routes lead back to the query editor.
        for (String route : List.of("upload", "edit")) {
            driver.get(base + "/ui/#/dataset/chipgraph/" + route);
            browser.waiting().until(ExpectedConditions.urlToBe(base + "/ui/#/dataset/chipgraph/query"));
        }
    }

    void assertNoVisibleWriteAction() {
        List<String> visible = driver.findElements(By.cssSelector("a, button")).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getText().strip().toLowerCase()).filter(t -> t.equals("add data") || t.equals("edit")).toList();
        assertEquals(List.of(), visible, "write tabs or buttons shown");
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.js("return Array.from(document.querySelectorAll('a')).filter(a => a.offsetParent !== null)"
                + ".map(a => a.getAttribute('href') || '').filter(h => /\\/(upload|edit)$/.test(h));");
        assertEquals(List.of(), hrefs);
    }

    /**
     * The server's Content-Security-Policy blocked nothing the pages and the Fuseki UI use, but
     * for the query editor's fetch of prefix.cc's prefix list (for autocompletion): a call to
     * another site, which the policy is there to stop.
     */
    void assertNoPolicyViolation() {
        List<String> blocked = driver.manage().logs().get("browser").getAll().stream().map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy") && !m.contains("http://prefix.cc/")).toList();
        assertEquals(List.of(), blocked);
    }

    @Test
    void thePagesRunUnderTheContentSecurityPolicy() {
        driver.manage().logs().get("browser");   // drop what earlier tests logged
        driver.get(base + "/id/nvidia");
        browser.pictureLoaded();
        driver.get(base + "/search?q=tsmc");
        driver.get(base + "/ontology");
        driver.get(base + "/ui/");
        browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("/chipgraph"));
        assertNoPolicyViolation();
        // And a page that tries inline script is stopped by it (the policy is in force, not only sent).
        driver.get(base + "/ui/");
        Object ran = browser.js("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
                + " document.body.appendChild(s); return window.inlineRan === true;");
        assertEquals(Boolean.FALSE, ran, "inline script ran despite script-src 'self'");
    }
}
