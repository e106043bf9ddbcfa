package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.serve.ChipgraphServer;
import org.w3id.chipgraph.serve.ServerOptions;
import org.w3id.chipgraph.serve.ServicePolicy;

/**
 * What every browser test class needs, registered as a static {@code @RegisterExtension}: a
 * chipgraph server on a free port over the graph the class names, and headless Chromium driven
 * by Selenium through the system's chromedriver (never one downloaded by Selenium Manager), both
 * stopped after the class. Without Chromium or chromedriver the class is skipped with one line
 * saying so, except under CI, where a missing browser fails the run. A test names its steps
 * ({@link #step}); when it fails, a screenshot of each step and one of the moment it failed are
 * written to target/browser-screenshots/CLASS/TEST/, so a failure in CI can be seen. A passing
 * test writes nothing.
 */
final class BrowserFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {
    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private record Shot(String name, byte[] png) {}

    private final Supplier<DatasetGraph> graph;
    private final int windowWidth;
    private final Duration wait;
    private FusekiServer server;
    private WebDriver driver;
    private Path profile;
    private String base;
    private final List<Shot> shots = new ArrayList<>();

    /** A server over {@code graph}, a browser window {@code windowWidth} by 1000 px, and waits of up to {@code wait}. */
    BrowserFixture(Supplier<DatasetGraph> graph, int windowWidth, Duration wait) {
        this.graph = graph;
        this.windowWidth = windowWidth;
        this.wait = wait;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        requireBrowser(context.getRequiredTestClass().getSimpleName());
        server = ChipgraphServer.build(graph.get(),
                new ServerOptions(0, Duration.ofSeconds(30), true, ServicePolicy.defaults(), TestGraph.PROJECT));
        server.start();
        base = "http://localhost:" + server.getHttpPort();
        profile = Files.createTempDirectory("chipgraph-chromium");
        driver = chromium();
    }

    private static void requireBrowser(String testClass) {
        boolean found = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!found && "true".equals(System.getenv("CI")))
            fail("CI runs the browser tests: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (.ci/run installs chromium and chromium-driver)");
        if (!found)
            System.out.println(testClass + " skipped: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                    + " (Debian packages chromium, chromium-driver)");
        Assumptions.assumeTrue(found, "Chromium and chromedriver are not installed");
    }

    private WebDriver chromium() {
        // The system's driver, named explicitly: Selenium then has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + windowWidth + ",1000", "--lang=en-US");
        // The console, to see whether the Content-Security-Policy blocked anything.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        WebDriver d = new ChromeDriver(service, options);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return d;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null)
                driver.quit();
        } finally {
            if (server != null)
                server.stop();
            if (profile != null)
                deleteTree(profile);
        }
    }

    /** Best effort: a profile file Chromium still holds only leaves a temporary directory behind. */
    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList())
                Files.deleteIfExists(p);
        } catch (IOException e) {
            System.out.println("Could not delete the browser profile " + dir + ": " + e.getMessage());
        }
    }

    /** The browser; null before the class starts or when it was skipped. */
    WebDriver driver() {
        return driver;
    }

    /** The server's root, {@code http://localhost:PORT}. */
    String base() {
        return base;
    }

    /** Waits for a condition for up to the time the test class gave. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, wait);
    }

    /** Waits until an entity page's dependency picture has drawn what it last asked for. */
    void pictureLoaded() {
        waiting().until(d -> "true".equals(d.findElement(By.id("graph")).getAttribute("data-loaded")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        shots.clear();
    }

    /** Remember how the page looks after this step of the running test. */
    void step(String name) {
        byte[] png = screenshot();
        if (png != null)
            shots.add(new Shot(name, png));
    }

    // No screenshot (a browser gone or not started) must not hide the test's own failure.
    private byte[] screenshot() {
        try {
            return driver == null ? null : ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        byte[] last = screenshot();
        if (last != null)
            shots.add(new Shot("at-failure", last));
        Path dir = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName()).resolve(context.getRequiredTestMethod().getName());
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < shots.size(); i++)
                Files.write(dir.resolve(String.format("%02d-%s.png", i + 1, shots.get(i).name())), shots.get(i).png());
            System.out.println("Browser screenshots of the failed test: " + dir.toAbsolutePath());
        } catch (IOException e) {
            System.out.println("Could not save browser screenshots to " + dir + ": " + e.getMessage());
        }
    }
}
