package com.speedfog.racing.overlay.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An X display for window tests: the one in DISPLAY, or else a private Xvfb (with xcompmgr, when
 * installed, so that transparent windows really are see-through). GLFW reads DISPLAY from the C
 * environment, so it is set there too (setenv), in this process only.
 */
public final class VirtualDisplay implements AutoCloseable {

    private interface C extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** What JNA's X11 binding lacks: who owns a selection (a compositor owns _NET_WM_CM_S0). */
    private interface Xlib extends Library {
        com.sun.jna.NativeLong XGetSelectionOwner(com.sun.jna.platform.unix.X11.Display display,
                                                  com.sun.jna.platform.unix.X11.Atom selection);
    }

    private final String name;
    private final List<Process> started;
    private final boolean compositor;

    private VirtualDisplay(String name, List<Process> started, boolean compositor) {
        this.name = name;
        this.started = started;
        this.compositor = compositor;
    }

    /** Empty (with the reason in {@code why}) when there is no display and no Xvfb to make one. */
    public static Optional<VirtualDisplay> open(StringBuilder why) throws IOException, InterruptedException {
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            return Optional.of(new VirtualDisplay(existing, List.of(), false));
        }
        Optional<Path> xvfb = onPath("Xvfb");
        if (xvfb.isEmpty()) {
            why.append("DISPLAY is unset and Xvfb is not installed (apt-get install xvfb xcompmgr)");
            return Optional.empty();
        }
        int number = freeDisplayNumber();
        String display = ":" + number;
        List<Process> processes = new ArrayList<>();
        Process server = new ProcessBuilder(xvfb.get().toString(), display, "-screen", "0", "1280x1024x24",
                "-nolisten", "tcp", "+extension", "Composite", "+extension", "RENDER")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(server);
        // Should the test JVM die, the X server must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly)));
        Path socket = Path.of("/tmp/.X11-unix/X" + number);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket) && server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!Files.exists(socket)) {
            server.destroyForcibly();
            why.append("Xvfb ").append(display).append(" did not start");
            return Optional.empty();
        }
        Native.load("c", C.class).setenv("DISPLAY", display, 1);
        boolean compositor = false;
        Optional<Path> xcompmgr = onPath("xcompmgr");
        if (xcompmgr.isPresent()) {
            processes.add(new ProcessBuilder(xcompmgr.get().toString(), "-d", display)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            // Windows made before it has taken over the screen would not be transparent (GLFW asks the
            // same question: does anyone own _NET_WM_CM_S0?).
            compositor = awaitCompositor(display, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
            if (!compositor) {
                why.append("xcompmgr did not take over ").append(display).append(" within 10 s");
            }
        }
        return Optional.of(new VirtualDisplay(display, processes, compositor));
    }

    private static boolean awaitCompositor(String display, long deadlineNanos) throws InterruptedException {
        com.sun.jna.platform.unix.X11 x11 = com.sun.jna.platform.unix.X11.INSTANCE;
        Xlib xlib = Native.load("X11", Xlib.class);
        com.sun.jna.platform.unix.X11.Display connection = x11.XOpenDisplay(display);
        if (connection == null) {
            return false;
        }
        try {
            com.sun.jna.platform.unix.X11.Atom selection = x11.XInternAtom(connection, "_NET_WM_CM_S0", false);
            while (System.nanoTime() < deadlineNanos) {
                if (xlib.XGetSelectionOwner(connection, selection).longValue() != 0) {
                    return true;
                }
                Thread.sleep(20);
            }
            return false;
        } finally {
            x11.XCloseDisplay(connection);
        }
    }

    public String name() {
        return name;
    }

    public boolean compositor() {
        return compositor;
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static int freeDisplayNumber() {
        for (int n = 77; n < 200; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
