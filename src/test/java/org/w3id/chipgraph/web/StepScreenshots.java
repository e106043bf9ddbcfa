package org.w3id.chipgraph.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Takes a screenshot at each step a browser test names, and writes them, with one of the
 * moment it failed, to target/browser-screenshots/CLASS/TEST/ when the test fails, so a failure
 * in CI can be seen. A passing test writes nothing.
 */
final class StepScreenshots implements TestWatcher {
    static final Path DIR = Path.of("target", "browser-screenshots");

    private record Shot(String name, byte[] png) {}

    private final Supplier<WebDriver> driver;
    private final List<Shot> shots = new ArrayList<>();

    StepScreenshots(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    /** Remember how the page looks after this step. */
    void step(String name) {
        byte[] png = take();
        if (png != null)
            shots.add(new Shot(name, png));
    }

    private byte[] take() {
        try {
            WebDriver d = driver.get();
            return d == null ? null : ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        byte[] last = take();
        if (last != null)
            shots.add(new Shot("at-failure", last));
        Path dir = DIR.resolve(context.getRequiredTestClass().getSimpleName()).resolve(context.getRequiredTestMethod().getName());
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
