package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.config.Keybindings;
import com.speedfog.racing.overlay.config.OverlaySettings;
import com.speedfog.racing.overlay.config.RgbColor;
import com.speedfog.racing.overlay.config.ScreenCorner;
import com.speedfog.racing.overlay.connection.ConnectionState;
import com.speedfog.racing.overlay.race.PlayerProgress;
import com.speedfog.racing.overlay.session.OverlayState;
import com.speedfog.racing.overlay.testing.VirtualDisplay;
import com.speedfog.racing.testing.TestEnvironment;
import com.speedfog.racing.protocol.ServerMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window, drawn under Xvfb (+ xcompmgr) and read back with glReadPixels. */
@Timeout(120)
class OverlayWindowTest {

    private static final Path OUTPUT = Path.of("target", "overlay-window");
    private static final RgbColor GOLD = new RgbColor(0xFF, 0xD7, 0x00);
    private static final OverlaySettings SETTINGS = new OverlaySettings(true, 16, ScreenCorner.TOP_RIGHT, 0.6,
            new RgbColor(0xFF, 0xFF, 0xFF), GOLD);
    private static final Keybindings KEYS = new Keybindings("F10", "F11");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T20:00:00Z"), ZoneOffset.UTC);

    private static VirtualDisplay display;
    private OverlayWindow window;

    @BeforeAll
    static void openDisplay() throws IOException, InterruptedException {
        StringBuilder why = new StringBuilder();
        display = VirtualDisplay.open(why).orElse(null);
        TestEnvironment.require(display != null, "window tests need an X display: " + why);
        Files.createDirectories(OUTPUT);
    }

    @AfterAll
    static void closeDisplay() throws InterruptedException {
        if (display != null) {
            display.close();
        }
    }

    @AfterEach
    void closeWindow() {
        if (window != null) {
            window.close();
        }
    }

    /** A race in full swing: connected, in a zone, four players, this one third. */
    static OverlayState racingState() {
        OverlayState state = new OverlayState(true);
        state.stateChanged(ConnectionState.CONNECTED, "");
        state.authenticated(new ServerMessage.AuthOk("me",
                new ServerMessage.RaceInfo(UUID.randomUUID(), "Friday race", "running", null,
                        CLOCK.instant().minusSeconds(600), null, null),
                new ServerMessage.SeedInfo(13, List.of(), null),
                List.of(new ServerMessage.LeaderboardEntry("p4", "Player4", "finished", 12, 6_332_000, 2, true, null, 0),
                        new ServerMessage.LeaderboardEntry("p1", "Player1", "playing", 8, 0, 3, false, null, 1),
                        new ServerMessage.LeaderboardEntry("me", "You", "playing", 6, 0, 7, false, null, 2),
                        new ServerMessage.LeaderboardEntry("p3", "Player3", "playing", 5, 0, 1, false, null, 3))));
        state.zoneChanged(new ServerMessage.ZoneUpdate("altus_sagescave_1646", "Altus Sagescave", 8, 6,
                List.of(new ServerMessage.Exit("fog gate to Sealed Tunnel", "Sealed Tunnel", true),
                        new ServerMessage.Exit("fog gate", null, false))));
        state.gameChanged(new PlayerProgress(true, false, OptionalLong.of(5_025_000), OptionalLong.of(7),
                Optional.empty(), true, false, Optional.empty()), "", 0);
        return state;
    }

    private OverlayWindow open(OverlayState state) {
        window = OverlayWindow.open(state, SETTINGS, KEYS, CLOCK, FramePacer.DEFAULT, line -> { });
        return window;
    }

    private BufferedImage draw(OverlayState state, String name) throws IOException {
        OverlayWindow w = window == null ? open(state) : window;
        w.renderFrame();
        BufferedImage image = w.capture();
        ImageIO.write(image, "png", OUTPUT.resolve(name + ".png").toFile());
        return image;
    }

    @Test
    void drawsThePanelInTheTopRightCornerOverATransparentBackground() throws IOException {
        BufferedImage image = draw(racingState(), "racing");
        int width = image.getWidth();
        int height = image.getHeight();

        Box panel = Box.ofVisible(image);
        assertThat(panel.right).as("hugs the right edge").isEqualTo(width - 1);
        assertThat(panel.top).as("hugs the top edge").isZero();
        assertThat(panel.width()).as("panel width").isBetween(width - 2, width);
        assertThat(panel.bottom).as("leaves the rest of the window empty").isLessThan(height - 40);

        // Everything below the panel is fully transparent: the game shows through.
        for (int y = panel.bottom + 1; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(image.getRGB(x, y) >>> 24).as("alpha at %d,%d", x, y).isZero();
            }
        }
        // The panel background is see-through at the configured opacity (0.6 -> 153).
        assertThat(alpha(image, width - 3, panel.bottom - 2)).isBetween(140, 165);
        // Text is drawn: white (zone, IGT), gold (this player's row and the progress bar), green (connected).
        assertThat(count(image, panel, 0xFFFFFF, 40)).as("white text pixels").isGreaterThan(300);
        assertThat(count(image, panel, 0xFFD700, 60)).as("gold pixels of the own row").isGreaterThan(50);
        assertThat(count(image, panel, 0x80E080, 40)).as("green connection line").isGreaterThan(20);
    }

    @Test
    void headerLeaderboardExitsAndConnectionLineAreAllThere() throws IOException {
        OverlayState state = racingState();
        BufferedImage shown = draw(state, "exits-shown");
        int tallWithExits = Box.ofVisible(shown).bottom;

        state.toggleExits();
        BufferedImage hidden = draw(state, "exits-hidden");
        int shortWithout = Box.ofVisible(hidden).bottom;

        // Two exit lines less (font 16 px: lines are ~20 px apart).
        assertThat(tallWithExits - shortWithout).isBetween(30, 60);
        // Text rows: header (2), leaderboard (4), exits header + 2 exits, connection line.
        assertThat(textRows(shown, Box.ofVisible(shown))).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theToggleKeyHidesEverything() throws IOException {
        OverlayState state = racingState();
        state.toggleUi();
        BufferedImage image = draw(state, "hidden");

        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(image.getRGB(x, y) >>> 24).isZero();
            }
        }
    }

    @Test
    void theWindowIsTransparentWhenACompositorRuns() {
        TestEnvironment.require(display.compositor(), "transparency needs a compositor: xcompmgr is not installed "
                + "(apt-get install xcompmgr), or DISPLAY was given and none is started");
        open(racingState());
        assertThat(window.transparent()).isTrue();
    }

    @Test
    void theRenderLoopCostsLittleCpu() throws Exception {
        OverlayState state = racingState();
        open(state);
        AtomicBoolean stop = new AtomicBoolean();
        // The clock ticks once a second, as during a race.
        Thread ticker = new Thread(() -> {
            long igt = 5_025_000;
            while (!stop.get()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                igt += 1000;
                state.gameChanged(new PlayerProgress(true, false, OptionalLong.of(igt), OptionalLong.of(7),
                        Optional.empty(), true, false, Optional.empty()), "", 0);
            }
        });
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        window.run(() -> window.frames() >= 3); // warm up: shaders, font atlas, JIT
        long framesBefore = window.frames();
        long processBefore = os.getProcessCpuTime();
        long threadBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        ticker.start();
        window.run(() -> System.nanoTime() - wallBefore > 10_000_000_000L);
        stop.set(true);
        ticker.interrupt();
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double process = (os.getProcessCpuTime() - processBefore) / 1e9;
        double thread = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadBefore) / 1e9;
        long frames = window.frames() - framesBefore;

        String report = String.format(java.util.Locale.ROOT,
                "render loop over %.1f s (Xvfb + Mesa llvmpipe%s, %dx%d window, clock changing once a second):%n"
                        + "frames drawn: %d%nprocess CPU: %.3f s (%.1f%% of one core)%nrender thread CPU: %.3f s (%.1f%% of one core)%n",
                wall, display.compositor() ? " + xcompmgr" : "", window.width(), window.height(), frames,
                process, 100 * process / wall, thread, 100 * thread / wall);
        Files.writeString(OUTPUT.resolve("render-cpu.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);

        assertThat(frames).as("about one frame per change, none in between").isBetween(8L, 25L);
        assertThat(process / wall).as("share of one core").isLessThan(0.25);
    }

    // ---- image helpers

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    private static long count(BufferedImage image, Box box, int rgb, int tolerance) {
        long n = 0;
        for (int y = box.top; y <= box.bottom; y++) {
            for (int x = box.left; x <= box.right; x++) {
                if (close(image.getRGB(x, y), rgb, tolerance)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Colour as seen through the panel background: text pixels are opaque, so compare RGB only. */
    private static boolean close(int argb, int rgb, int tolerance) {
        if ((argb >>> 24) < 200) {
            return false;
        }
        return Math.abs(((argb >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= tolerance
                && Math.abs(((argb >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= tolerance
                && Math.abs((argb & 0xFF) - (rgb & 0xFF)) <= tolerance;
    }

    /** Bands of pixel rows holding bright (text) pixels, separated by rows without any. */
    private static int textRows(BufferedImage image, Box box) {
        int rows = 0;
        boolean inRow = false;
        for (int y = box.top; y <= box.bottom; y++) {
            boolean text = false;
            for (int x = box.left; x <= box.right && !text; x++) {
                int argb = image.getRGB(x, y);
                int brightness = ((argb >> 16) & 0xFF) + ((argb >> 8) & 0xFF) + (argb & 0xFF);
                text = (argb >>> 24) > 200 && brightness > 450;
            }
            if (text && !inRow) {
                rows++;
            }
            inRow = text;
        }
        return rows;
    }

    /** The bounding box of the pixels that are not fully transparent. */
    private record Box(int left, int top, int right, int bottom) {
        static Box ofVisible(BufferedImage image) {
            int left = Integer.MAX_VALUE;
            int top = Integer.MAX_VALUE;
            int right = -1;
            int bottom = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) >>> 24) != 0) {
                        left = Math.min(left, x);
                        top = Math.min(top, y);
                        right = Math.max(right, x);
                        bottom = Math.max(bottom, y);
                    }
                }
            }
            assertThat(right).as("something is drawn").isGreaterThanOrEqualTo(0);
            return new Box(left, top, right, bottom);
        }

        int width() {
            return right - left + 1;
        }
    }
}
