package org.w3id.chipgraph;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * Says in the build output why a test was skipped (a failed assumption: no ../shared data, no
 * Chromium...). Registered for every test by auto-detection (META-INF/services and
 * junit-platform.properties); without it the reason is only in surefire's report files.
 */
public final class SkipReasons implements LifecycleMethodExecutionExceptionHandler, TestWatcher {
    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        if (t instanceof TestAbortedException)
            BuildOutput.say("[skipped] " + context.getRequiredTestClass().getSimpleName() + ": " + t.getMessage());
        throw t;
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        BuildOutput.say("[skipped] " + context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                + ": " + cause.getMessage());
    }
}
