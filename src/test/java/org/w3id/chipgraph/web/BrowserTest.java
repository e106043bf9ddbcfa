package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.serve.ChipgraphServer;
import org.w3id.chipgraph.serve.ServerOptions;
import org.w3id.chipgraph.serve.ServicePolicy;

/**
 * The pages in a real browser: headless Chromium driven by Selenium through the system's
 * chromedriver (never one downloaded by Selenium Manager). Run wherever Chromium and
 * chromedriver are installed (CI installs them); skipped elsewhere with one line saying so,
 * except under CI, where a missing browser fails the run. A failed test leaves a screenshot of
 * each step in target/browser-screenshots/.
 */
class BrowserTest {
    static final String ID = "https://w3id.org/chipgraph/id/";
    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    static FusekiServer server;
    static String base;
    static WebDriver driver;
    static Path profile;

    @RegisterExtension
    final StepScreenshots shots = new StepScreenshots(() -> driver);

    @BeforeAll
    static void start() throws Exception {
        boolean found = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!found && "true".equals(System.getenv("CI")))
            fail("CI runs the browser tests: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (.ci/run installs chromium and chromium-driver)");
        if (!found)
            System.out.println("BrowserTest skipped: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                    + " (Debian packages chromium, chromium-driver)");
        Assumptions.assumeTrue(found, "Chromium and chromedriver are not installed");

        server = ChipgraphServer.build(TestGraph.dataset(),
                new ServerOptions(0, Duration.ofSeconds(30), true, ServicePolicy.defaults(), TestGraph.PROJECT));
        server.start();
        base = "http://localhost:" + server.getHttpPort();

        // The system's driver, named explicitly: Selenium then has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        profile = Files.createTempDirectory("chipgraph-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        // The console, to see whether the Content-Security-Policy blocked anything.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null)
            driver.quit();
        if (server != null)
            server.stop();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the picture has drawn what it last asked for. */
    void pictureLoaded() {
        waiting().until(d -> "true".equals(d.findElement(By.id("graph")).getAttribute("data-loaded")));
    }

    @SuppressWarnings("unchecked")
    Set<String> pictureNodeIds() {
        // A summary node of a large picture stands for its members.
        return new TreeSet<>((List<String>) js("return window.chipgraphGraph.nodes().flatMap(n => n.data('members') || [n.id()]);"));
    }

    @Test
    void searchOpensTheEntityWhosePictureIsItsNeighbourhood() {
        driver.get(base + "/");
        shots.step("home");
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("엔비디아");
        WebElement first = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#q-suggestions li[role=option]")));
        shots.step("suggestions");
        assertEquals("true", box.getAttribute("aria-expanded"));
        assertTrue(first.getText().startsWith("Nvidia"), "first suggestion: " + first.getText());
        first.click();
        waiting().until(ExpectedConditions.urlToBe(base + "/id/nvidia"));
        assertEquals("Nvidia", driver.findElement(By.tagName("h1")).getText());
        pictureLoaded();
        shots.step("nvidia-page");

        // The picture at the default depth (2), and at depth 1, is the neighbourhood SPARQL finds.
        assertEquals(NeighbourhoodSparql.nodes(base + "/chipgraph/sparql", ID + "nvidia", 2), pictureNodeIds(), "depth 2");
        new Select(driver.findElement(By.id("depth"))).selectByValue("1");
        waiting().until(d -> pictureNodeIds().equals(NeighbourhoodSparql.nodes(base + "/chipgraph/sparql", ID + "nvidia", 1)));
        shots.step("depth-1");
        new Select(driver.findElement(By.id("depth"))).selectByValue("2");
        pictureLoaded();
        waiting().until(d -> pictureNodeIds().size() > 10);

        // Inferred edges are drawn dashed, asserted ones solid; each type has its own colour.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> edges = (List<Map<String, Object>>) js(
                "return window.chipgraphGraph.edges().map(e => ({inferred: e.data('inferred'), style: e.style('line-style'),"
                + " colour: e.style('line-color'), property: e.data('property')}));");
        long inferred = edges.stream().filter(e -> Boolean.TRUE.equals(e.get("inferred"))).count();
        assertTrue(inferred > 0 && inferred < edges.size(), "both kinds of edge: " + edges);
        for (Map<String, Object> e : edges)
            assertEquals(Boolean.TRUE.equals(e.get("inferred")) ? "dashed" : "solid", e.get("style"), e.toString());
        Map<Object, Set<Object>> coloursByProperty = new java.util.HashMap<>();
        edges.forEach(e -> coloursByProperty.computeIfAbsent(e.get("property"), k -> new java.util.HashSet<>()).add(e.get("colour")));
        coloursByProperty.forEach((p, c) -> assertEquals(1, c.size(), "one colour for " + p));
        assertEquals(coloursByProperty.size(), coloursByProperty.values().stream().map(s -> s.iterator().next()).distinct().count(),
                "a different colour per type");
    }

    @Test
    void clickingANodeOpensItsPage() {
        driver.get(base + "/id/h200");
        pictureLoaded();
        shots.step("h200-page");
        // Where Cytoscape drew TSMC, relative to the picture's top-left corner.
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) js(
                "var n = window.chipgraphGraph.getElementById(arguments[0]); return n.renderedPosition();", ID + "tsmc");
        WebElement graph = driver.findElement(By.id("graph"));
        // Wholly in view: Selenium offsets from the centre of the element's visible part.
        js("arguments[0].scrollIntoView({block: 'center'});", graph);
        int dx = (int) Math.round(p.get("x").doubleValue() - graph.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(p.get("y").doubleValue() - graph.getSize().getHeight() / 2.0);
        new Actions(driver).moveToElement(graph, dx, dy).click().perform();
        waiting().until(ExpectedConditions.urlToBe(base + "/id/tsmc"));
        shots.step("tsmc-page");
        assertEquals("TSMC", driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void aQuestionPageShowsRows() {
        driver.get(base + "/");
        driver.findElement(By.cssSelector("a[href='/queries/r1-depends-on-tsmc']")).click();
        waiting().until(ExpectedConditions.urlToBe(base + "/queries/r1-depends-on-tsmc"));
        shots.step("r1-page");
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
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("/chipgraph"));
        shots.step("fuseki-ui");
        // A question's "edit" link opens the editor with the question's query in it.
        driver.get(base + "/queries/s1-h200-approval");
        String editor = driver.findElement(By.linkText("open in the query editor")).getAttribute("href");
        assertTrue(editor.startsWith(base + "/ui/#/dataset/chipgraph/query?query="), editor);
        driver.get(editor);
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("#+ summary: Who announced the approval of Nvidia H200"));
        shots.step("editor-prefilled");
        // Running it from the editor answers from /chipgraph.
        driver.findElement(By.cssSelector(".yasqe_queryButton")).click();
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Donald Trump"));
        shots.step("editor-answer");
        assertNoPolicyViolation();
    }

    @Test
    void theFusekiUiIsReadOnly() {
        driver.get(base + "/ui/");
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("/chipgraph"));
        String notice = waiting().until(d -> d.findElement(By.id("cg-readonly"))).getText();
        assertTrue(notice.startsWith("Read-only"), notice);
        // The dataset list and the dataset's tabs offer no write action a reader can see.
        shots.step("datasets");
        assertNoVisibleWriteAction();
        driver.get(base + "/ui/#/dataset/chipgraph/query");
        waiting().until(d -> !d.findElements(By.cssSelector(".yasqe_queryButton")).isEmpty());
        shots.step("query-tab");
        assertNoVisibleWriteAction();
        // Their routes lead back to the query editor.
        for (String route : List.of("upload", "edit")) {
            driver.get(base + "/ui/#/dataset/chipgraph/" + route);
            waiting().until(ExpectedConditions.urlToBe(base + "/ui/#/dataset/chipgraph/query"));
        }
    }

    void assertNoVisibleWriteAction() {
        List<String> visible = driver.findElements(By.cssSelector("a, button")).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getText().strip().toLowerCase()).filter(t -> t.equals("add data") || t.equals("edit")).toList();
        assertEquals(List.of(), visible, "write tabs or buttons shown");
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) js("return Array.from(document.querySelectorAll('a')).filter(a => a.offsetParent !== null)"
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
        pictureLoaded();
        driver.get(base + "/search?q=tsmc");
        driver.get(base + "/ontology");
        driver.get(base + "/ui/");
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("/chipgraph"));
        assertNoPolicyViolation();
        // And a page that tries inline script is stopped by it (the policy is in force, not only sent).
        driver.get(base + "/ui/");
        Object ran = js("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
                + " document.body.appendChild(s); return window.inlineRan === true;");
        assertEquals(Boolean.FALSE, ran, "inline script ran despite script-src 'self'");
    }
}
