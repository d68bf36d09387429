package com.speedfog.racing.gateway.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OBS overlays: transparent, no scrollbars, everything inside 1920×1080, options from the URL. */
class OverlayPageTest extends PageTestBase {

    @Test
    void theLeaderboardOverlayIsTransparentAndFits1080p() throws IOException {
        try (SimulatedRace race = SimulatedRace.running(port, "Overlay race", "{}",
                "ov_a", "ov_b", "ov_c", "ov_d", "ov_e", "ov_f", "ov_g", "ov_h")) {
            race.enter(3, LiveRacePageTest.ACADEMY, 40_000);
            race.enter(5, LiveRacePageTest.MANOR, 55_000);
            race.enter(3, LiveRacePageTest.GARGOYLES, 90_000);

            open("/overlay/" + race.raceId + "/leaderboard");
            waitFor("eight rows", d -> findAll("#leaderboard tbody tr").size() == 8);
            waitFor("the leader first", d -> find("#leaderboard tbody tr").getDomAttribute("data-participant")
                    .equals(race.participantIds.get(3)));
            transparentBackground();
            BufferedImage shot = screenshotImage("overlay-leaderboard");
            assertThat(shot.getWidth()).isEqualTo(Chromium.WIDTH);
            assertThat(shot.getHeight()).isEqualTo(Chromium.HEIGHT);
            assertThat(alpha(shot, 1900, 1060)).as("an empty corner is transparent").isZero();
            assertThat(alpha(shot, 1200, 500)).as("beside the board is transparent").isZero();
            Rectangle firstCell = find("#leaderboard tbody tr td.name").getRect();
            assertThat(alpha(shot, firstCell.getX() + firstCell.getWidth() - 3, firstCell.getY() + firstCell.getHeight() / 2))
                    .as("the board itself is drawn").isPositive();
            assertFitsWithoutScrollbars("#root");

            // Options: bigger text, fewer rows and columns, still inside the screen.
            open("/overlay/leaderboard.html?id=" + race.raceId + "&scale=2&max=5&columns=rank,name,igt&width=900");
            waitFor("five rows", d -> findAll("#leaderboard tbody tr").size() == 5);
            assertThat(findAll("#leaderboard tbody tr:first-child td")).hasSize(3);
            assertThat(script("return getComputedStyle(document.body).fontSize")).isEqualTo("52px");
            assertThat(find("#root").getRect().getWidth()).isEqualTo(900);
            assertFitsWithoutScrollbars("#root");
            screenshotImage("overlay-leaderboard-options");
        }
    }

    @Test
    void theMapOverlayIsTransparentWithEveryPlayer() throws IOException {
        try (SimulatedRace race = SimulatedRace.running(port, "Map overlay", "{}", "map_a", "map_b")) {
            race.enter(0, LiveRacePageTest.ACADEMY, 40_000);
            open("/overlay/" + race.raceId + "/dag?names=1");
            waitFor("the seed's nodes", d -> findAll("#dag .dag-node").size() == 16);
            waitFor("map_a in the academy", d -> findAll(".dag-marker[data-node='" + LiveRacePageTest.ACADEMY + "']").size() == 1);
            waitFor("both players on the map", d -> findAll(".dag-marker").size() == 2);
            transparentBackground();
            BufferedImage shot = screenshotImage("overlay-dag");
            assertThat(alpha(shot, 5, 5)).as("the top-left corner is transparent").isZero();
            assertThat(alpha(shot, 1915, 1075)).as("the bottom-right corner is transparent").isZero();
            assertFitsWithoutScrollbars("#root");
        }
    }

    /** Chrome paints a white page under transparent ones unless told otherwise (OBS composites with alpha). */
    private void transparentBackground() {
        browser.executeCdpCommand("Emulation.setDefaultBackgroundColorOverride",
                Map.of("color", Map.of("r", 0, "g", 0, "b", 0, "a", 0)));
    }

    private void assertFitsWithoutScrollbars(String rootCss) {
        assertThat(script("return [innerWidth, innerHeight]")).asString().isEqualTo("[1920, 1080]");
        assertThat(script("const e = document.documentElement; return e.scrollWidth <= innerWidth && e.scrollHeight <= innerHeight"))
                .as("nothing to scroll").isEqualTo(true);
        assertThat(script("return getComputedStyle(document.documentElement).overflow + ' ' + getComputedStyle(document.body).overflow"))
                .as("scrollbars are off").isEqualTo("hidden hidden");
        Rectangle root = find(rootCss).getRect();
        assertThat(root.getX() + root.getWidth()).isLessThanOrEqualTo(Chromium.WIDTH);
        assertThat(root.getY() + root.getHeight()).isLessThanOrEqualTo(Chromium.HEIGHT);
        Object contentBottom = script("return Math.max(...[...document.querySelectorAll('#root *')].map(e => e.getBoundingClientRect().bottom))");
        assertThat(((Number) contentBottom).doubleValue()).as("the content ends inside 1080 px").isLessThanOrEqualTo(Chromium.HEIGHT);
    }

    private BufferedImage screenshotImage(String name) throws IOException {
        settle();
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }
}
