package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.config.Keybindings;
import com.sun.jna.Platform;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.win32.User32;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The toggle keys, read from the whole keyboard while the game has the focus: the overlay window is
 * click-through and never focused, so it gets no key events of its own. A thread polls the key state
 * 20 times a second (Windows {@code GetAsyncKeyState}; X11 {@code XQueryKeymap} on its own display
 * connection, which covers the game under Proton/XWayland) and acts on each press.
 */
public final class GlobalKeys implements AutoCloseable {

    static final long POLL_MILLIS = 50;

    /** Is a key down right now, system-wide. */
    interface Keyboard extends AutoCloseable {
        boolean isDown(long code);

        @Override
        void close();
    }

    private final Thread thread;
    private final Keyboard keyboard;

    private GlobalKeys(Keyboard keyboard, long toggleUi, long toggleExits, Runnable onToggleUi, Runnable onToggleExits) {
        this.keyboard = keyboard;
        this.thread = new Thread(() -> poll(toggleUi, toggleExits, onToggleUi, onToggleExits), "global-keys");
        this.thread.setDaemon(true);
    }

    /** Starts polling, or explains (through {@code log}) why this system offers no global key state. */
    public static Optional<GlobalKeys> start(Keybindings keys, Runnable onToggleUi, Runnable onToggleExits,
                                             Consumer<String> log) {
        try {
            Optional<Keyboard> keyboard = Platform.isWindows() ? Optional.of(windowsKeyboard())
                    : Platform.isLinux() ? x11Keyboard() : Optional.empty();
            if (keyboard.isEmpty()) {
                log.accept("toggle keys work only while the overlay window has the focus (no global key state here)");
                return Optional.empty();
            }
            OptionalLong ui = Platform.isWindows() ? NativeKeyCodes.windowsVirtualKey(keys.toggleUi()) : NativeKeyCodes.x11KeySym(keys.toggleUi());
            OptionalLong exits = Platform.isWindows() ? NativeKeyCodes.windowsVirtualKey(keys.toggleExits()) : NativeKeyCodes.x11KeySym(keys.toggleExits());
            GlobalKeys global = new GlobalKeys(keyboard.get(), ui.orElse(-1), exits.orElse(-1), onToggleUi, onToggleExits);
            global.thread.start();
            return Optional.of(global);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            log.accept("toggle keys work only while the overlay window has the focus (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private void poll(long toggleUi, long toggleExits, Runnable onToggleUi, Runnable onToggleExits) {
        boolean uiWasDown = false;
        boolean exitsWasDown = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                boolean uiDown = toggleUi >= 0 && keyboard.isDown(toggleUi);
                boolean exitsDown = toggleExits >= 0 && keyboard.isDown(toggleExits);
                if (uiDown && !uiWasDown) {
                    onToggleUi.run();
                }
                if (exitsDown && !exitsWasDown) {
                    onToggleExits.run();
                }
                uiWasDown = uiDown;
                exitsWasDown = exitsDown;
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            keyboard.close();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Keyboard windowsKeyboard() {
        User32 user32 = User32.INSTANCE;
        return new Keyboard() {
            @Override
            public boolean isDown(long code) {
                return (user32.GetAsyncKeyState((int) code) & 0x8000) != 0;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Empty when there is no X display (a pure Wayland session, or none at all). */
    static Optional<Keyboard> x11Keyboard() {
        X11 x11 = X11.INSTANCE;
        X11.Display display = x11.XOpenDisplay(null);
        if (display == null) {
            return Optional.empty();
        }
        byte[] keymap = new byte[32];
        return Optional.of(new Keyboard() {
            @Override
            public boolean isDown(long keysym) {
                int keycode = x11.XKeysymToKeycode(display, new X11.KeySym(keysym)) & 0xFF;
                if (keycode == 0) {
                    return false;
                }
                x11.XQueryKeymap(display, keymap);
                return (keymap[keycode / 8] & (1 << (keycode % 8))) != 0;
            }

            @Override
            public void close() {
                x11.XCloseDisplay(display);
            }
        });
    }
}
