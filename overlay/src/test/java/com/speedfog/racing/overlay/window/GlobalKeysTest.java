package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.config.Keybindings;
import com.speedfog.racing.overlay.testing.Eventually;
import com.speedfog.racing.overlay.testing.VirtualDisplay;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The toggle keys read from the whole X keyboard, with key presses faked through XTest under Xvfb. */
@Timeout(60)
class GlobalKeysTest {

    private static VirtualDisplay display;

    @BeforeAll
    static void openDisplay() throws IOException, InterruptedException {
        StringBuilder why = new StringBuilder();
        display = VirtualDisplay.open(why).orElse(null);
        assumeTrue(display != null, "global key tests skipped: " + why);
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
            press(x11, fake, 0xFFC7); // F10
            Eventually.await("F10 seen", () -> ui.get() == 1);
            press(x11, fake, 0xFFC8); // F11
            press(x11, fake, 0xFFC7);
            Eventually.await("F11 and F10 again", () -> exits.get() == 1 && ui.get() == 2);
            Thread.sleep(300);
            assertThat(ui.get()).as("a held key counts once").isEqualTo(2);
        } finally {
            x11.XCloseDisplay(fake);
            keys.get().close();
        }
    }

    /** Key down, held for a few polls, key up. */
    private static void press(X11 x11, X11.Display display, long keysym) throws InterruptedException {
        int keycode = x11.XKeysymToKeycode(display, new X11.KeySym(keysym)) & 0xFF;
        assertThat(keycode).as("keycode of keysym %x", keysym).isPositive();
        X11.XTest.INSTANCE.XTestFakeKeyEvent(display, keycode, true, new NativeLong(0));
        x11.XFlush(display);
        Thread.sleep(4 * GlobalKeys.POLL_MILLIS);
        X11.XTest.INSTANCE.XTestFakeKeyEvent(display, keycode, false, new NativeLong(0));
        x11.XFlush(display);
        Thread.sleep(2 * GlobalKeys.POLL_MILLIS);
    }
}
