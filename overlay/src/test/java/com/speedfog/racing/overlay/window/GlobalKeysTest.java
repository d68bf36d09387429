package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.config.Keybindings;
import com.speedfog.racing.overlay.testing.Eventually;
import com.speedfog.racing.overlay.testing.VirtualDisplay;
import com.speedfog.racing.testing.TestEnvironment;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The toggle keys read from the whole X keyboard, with key presses faked through XTest under Xvfb. */
@Timeout(60)
class GlobalKeysTest {

    private static VirtualDisplay display;

    @BeforeAll
    static void openDisplay() throws IOException, InterruptedException {
        StringBuilder why = new StringBuilder();
        display = VirtualDisplay.open(why).orElse(null);
        TestEnvironment.require(display != null, "global key tests need an X display: " + why);
    }

    @AfterAll
    static void closeDisplay() throws InterruptedException {
        if (display != null) {
            display.close();
        }
    }

    @Test
    void eachPressOfAToggleKeyTogglesOnce() throws InterruptedException {
        AtomicInteger ui = new AtomicInteger();
        AtomicInteger exits = new AtomicInteger();
        Optional<GlobalKeys> keys = GlobalKeys.start(new Keybindings("F10", "F11"), ui::incrementAndGet,
                exits::incrementAndGet, line -> { });
        assertThat(keys).isPresent();
        X11 x11 = X11.INSTANCE;
        X11.Display fake = x11.XOpenDisplay(display.name());
        try {
            // Each key is held until its toggle is seen, however late the poller runs on a loaded machine.
            press(x11, fake, 0xFFC7, "F10", () -> ui.get() == 1); // F10
            press(x11, fake, 0xFFC8, "F11", () -> exits.get() == 1); // F11 (its poll also sees F10 up)
            press(x11, fake, 0xFFC7, "F10 again", () -> ui.get() == 2);
            assertThat(ui.get()).as("each press of F10 counts once").isEqualTo(2);
            assertThat(exits.get()).as("each press of F11 counts once").isEqualTo(1);
        } finally {
            x11.XCloseDisplay(fake);
            keys.get().close();
        }
    }

    /**
     * Key down, held until {@code toggled} (the poller saw it), held a few polls more (a held key must not
     * count again), key up.
     */
    private static void press(X11 x11, X11.Display display, long keysym, String key, java.util.function.BooleanSupplier toggled)
            throws InterruptedException {
        int keycode = x11.XKeysymToKeycode(display, new X11.KeySym(keysym)) & 0xFF;
        assertThat(keycode).as("keycode of keysym %x", keysym).isPositive();
        X11.XTest.INSTANCE.XTestFakeKeyEvent(display, keycode, true, new NativeLong(0));
        x11.XFlush(display);
        Eventually.await(key + " seen", toggled);
        Thread.sleep(4 * GlobalKeys.POLL_MILLIS);
        X11.XTest.INSTANCE.XTestFakeKeyEvent(display, keycode, false, new NativeLong(0));
        x11.XFlush(display);
    }
}
