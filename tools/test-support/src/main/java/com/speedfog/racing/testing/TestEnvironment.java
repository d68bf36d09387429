package com.speedfog.racing.testing;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a test needs from the machine beyond Java (Chromium and ChromeDriver, an X display, xcompmgr,
 * gcc). On a developer's machine without it the test is skipped, saying what is missing; where
 * {@code CI=true} it fails instead, because there a skip would hide a broken installation
 * ({@code .ci/run} installs everything).
 */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    /** True where the environment variable {@code CI} is {@code true} (as CI services and {@code .ci/run} set it). */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Returns when {@code present}; else skips the calling test (or the whole class, from a
     * {@code @BeforeAll}), or fails it where {@code CI=true}.
     *
     * @param missing what is missing and how to get it, e.g. "gcc is not installed (apt-get install gcc)"
     */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (onCi()) {
            throw new AssertionFailedError(missing + " (CI=true: a test that needs it fails rather than being skipped)");
        }
        throw new TestAbortedException(missing + ": skipped (where CI=true this fails)");
    }
}
