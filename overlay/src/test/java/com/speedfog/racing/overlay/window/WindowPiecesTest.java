package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.config.ScreenCorner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lwjgl.glfw.GLFW.*;

/** Key names, window placement and frame pacing: the window's decisions that need no display. */
class WindowPiecesTest {

    @ParameterizedTest
    @CsvSource({"F1, 290", "F10, 299", "F11, 300", "F24, 313", "A, 65", "Z, 90", "0, 48", "9, 57",
            "INSERT, 260", "PAGE_UP, 266", "SCROLL_LOCK, 281", "GRAVE_ACCENT, 96", "TAB, 258", "BACKSPACE, 259"})
    void configKeyNamesMapToGlfwKeys(String name, int glfwKey) {
        assertThat(KeyCodes.glfwKey(name)).hasValue(glfwKey);
    }

    @Test
    void theGlfwConstantsAreWhatTheTableAbovePromises() {
        assertThat(GLFW_KEY_F1).isEqualTo(290);
        assertThat(GLFW_KEY_F24).isEqualTo(313);
        assertThat(GLFW_KEY_PAGE_UP).isEqualTo(266);
        assertThat(KeyCodes.glfwKey("NOPE")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"F1, 0x70, 0xFFBE", "F10, 0x79, 0xFFC7", "F24, 0x87, 0xFFD5", "A, 0x41, 0x61", "M, 0x4D, 0x6D",
            "7, 0x37, 0x37", "DELETE, 0x2E, 0xFFFF", "PAUSE, 0x13, 0xFF13", "GRAVE_ACCENT, 0xC0, 0x60"})
    void configKeyNamesMapToNativeCodes(String name, String windows, String x11) {
        assertThat(NativeKeyCodes.windowsVirtualKey(name)).hasValue(Long.decode(windows));
        assertThat(NativeKeyCodes.x11KeySym(name)).hasValue(Long.decode(x11));
    }

    @ParameterizedTest
    @CsvSource({"TOP_LEFT, 16, 16", "TOP_RIGHT, 1504, 16", "BOTTOM_LEFT, 16, 464", "BOTTOM_RIGHT, 1504, 464"})
    void theWindowSitsInTheConfiguredCornerOfTheWorkArea(ScreenCorner corner, int x, int y) {
        assertThat(WindowPlacement.in(corner, 0, 0, 1920, 1080, 400, 600)).isEqualTo(new WindowPlacement(x, y));
    }

    @Test
    void placementFollowsAWorkAreaThatDoesNotStartAtZeroAndNeverLeavesIt() {
        assertThat(WindowPlacement.in(ScreenCorner.TOP_LEFT, 1920, 30, 2560, 1410, 400, 600))
                .isEqualTo(new WindowPlacement(1936, 46));
        assertThat(WindowPlacement.in(ScreenCorner.BOTTOM_RIGHT, 0, 0, 300, 300, 400, 600))
                .isEqualTo(new WindowPlacement(0, 0));
        assertThat(WindowPlacement.pivotX(ScreenCorner.BOTTOM_RIGHT)).isEqualTo(1f);
        assertThat(WindowPlacement.pivotY(ScreenCorner.TOP_RIGHT)).isEqualTo(0f);
    }

    @Test
    void framesComeSoonAfterAChangeButAtMostTenASecondAndOnceASecondWhenIdle() {
        FramePacer pacer = FramePacer.DEFAULT;
        long ms = 1_000_000;
        assertThat(pacer.waitNanos(true, 30 * ms)).isEqualTo(70 * ms);
        assertThat(pacer.waitNanos(true, 150 * ms)).isZero();
        assertThat(pacer.waitNanos(false, 150 * ms)).isEqualTo(850 * ms);
        assertThat(pacer.waitNanos(false, 1_200 * ms)).isZero();
        assertThat(new FramePacer(Duration.ofMillis(50), Duration.ofMillis(500)).waitNanos(false, 0)).isEqualTo(500 * ms);
    }
}
