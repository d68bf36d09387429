package com.speedfog.racing.gateway.pages;

import com.speedfog.racing.gateway.GatewayTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One headless Chromium per test class, on the test gateway. Screenshots go to target/screenshots.
 */
abstract class PageTestBase extends GatewayTestBase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static ChromeDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        profile = Chromium.newProfile();
        browser = Chromium.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        Chromium.deleteProfile(profile);
    }

    /** Every test starts logged out (cookies and storage are per site: clear them on the gateway's). */
    @BeforeEach
    void freshBrowser() {
        open("/css/app.css");
        browser.manage().deleteAllCookies();
        script("localStorage.clear()");
        browser.get("about:blank");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        browser.get(url(path));
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return waitFor(what, Duration.ofSeconds(15), condition);
    }

    <T> T waitFor(String what, Duration within, Function<WebDriver, T> condition) {
        // Pages re-render on live updates: an element read a moment ago may be gone, so just look again.
        // On a timeout the message also says what the page's notice and status said (why it did not happen).
        return new WebDriverWait(browser, within, Duration.ofMillis(100)).withMessage(() -> what + pageSays())
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    private String pageSays() {
        StringBuilder says = new StringBuilder();
        for (String css : new String[]{"#notice", "#race-status"}) {
            List<WebElement> found = browser.findElements(By.cssSelector(css));
            if (!found.isEmpty()) {
                says.append("; ").append(css).append(" = '").append(found.get(0).getText()).append("'");
            }
        }
        return says.toString();
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** The visible text of the first match, read in one step (no stale elements). */
    String text(String css) {
        Object text = script("const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : ''", css);
        return text == null ? "" : text.toString();
    }

    /** An attribute of every match, in document order, read in one step. */
    @SuppressWarnings("unchecked")
    List<String> attributes(String css, String attribute) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]))",
                css, attribute);
    }

    /** The text of every match, in document order, read in one step. */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())", css);
    }

    Object script(String js, Object... args) {
        return browser.executeScript(js, args);
    }

    /** Logs this browser in through the page's development login form. */
    void devLogin(String username, String role) {
        open("/");
        waitFor("the dev login form", d -> !d.findElements(By.id("dev-username")).isEmpty());
        find("#dev-username").sendKeys(username);
        new org.openqa.selenium.support.ui.Select(find("#dev-role")).selectByValue(role);
        find("#dev-login button[type=submit]").click();
        waitFor("logged in as " + username, d -> text("#user-name").equals(username));
    }

    /** Waits until no CSS transition or animation is running (markers sliding, rows moving). */
    void settle() {
        waitFor("animations to end", d -> Boolean.TRUE.equals(script("return document.getAnimations().length === 0")));
    }

    Path screenshot(String name) {
        settle();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
