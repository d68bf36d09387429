package com.speedfog.racing.gateway.pages;

import com.speedfog.racing.testing.TestEnvironment;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium and its ChromeDriver, by explicit paths (no Selenium Manager, no network),
 * with a fresh profile each time. Tests are skipped, saying why, on a machine without them (failed where CI=true).
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;

    private Chromium() {
    }

    static ChromeDriver start(Path profile) {
        TestEnvironment.require(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "page tests need " + BROWSER + " and " + DRIVER + " (Debian packages chromium and chromium-driver; "
                        + ".ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10)).pageLoadTimeout(Duration.ofSeconds(20));
        // A headless window's viewport is smaller than the window: make it exactly 1080p.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        return driver;
    }

    static Path newProfile() {
        try {
            return Files.createTempDirectory("speedfog-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteProfile(Path profile) {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
