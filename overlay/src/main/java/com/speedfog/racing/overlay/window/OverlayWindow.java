package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.config.Keybindings;
import com.speedfog.racing.overlay.config.OverlaySettings;
import com.speedfog.racing.overlay.session.OverlayState;
import com.speedfog.racing.overlay.session.OverlayView;
import imgui.ImFontConfig;
import imgui.ImGui;
import imgui.ImGuiIO;
import imgui.gl3.ImGuiImplGl3;
import imgui.glfw.ImGuiImplGlfw;
import org.lwjgl.glfw.Callbacks;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.glfw.GLFWVidMode;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.MemoryStack;

import java.awt.image.BufferedImage;
import java.nio.IntBuffer;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.system.MemoryUtil.NULL;

/**
 * The overlay window: a transparent, undecorated, always-on-top, click-through GLFW window in a
 * screen corner, drawing the panel with imgui-java. Draws only when the view changed (at most
 * {@link FramePacer#busyInterval()} apart) or once a second for the clock.
 *
 * <p>Must be created, used and closed on one thread (GLFW wants the process's first thread on macOS;
 * any single thread on Windows and Linux).
 */
public final class OverlayWindow implements AutoCloseable {

    private final OverlayState state;
    private final OverlaySettings settings;
    private final Keybindings keys;
    private final Clock clock;
    private final Consumer<String> log;
    private final FramePacer pacer;
    private final int width;
    private final int height;
    private final OverlayPanel panel;
    private final ImGuiImplGlfw imGuiGlfw = new ImGuiImplGlfw();
    private final ImGuiImplGl3 imGuiGl3 = new ImGuiImplGl3();
    private long window = NULL;
    private boolean transparent;
    private OverlayView drawn;
    private int frames;

    private OverlayWindow(OverlayState state, OverlaySettings settings, Keybindings keys, Clock clock,
                          FramePacer pacer, Consumer<String> log) {
        this.state = state;
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        this.pacer = pacer;
        this.log = log;
        this.width = settings.fontSize() * 24;
        this.height = settings.fontSize() * 34;
        this.panel = new OverlayPanel(settings, width);
    }

    /**
     * Opens the window (shown at once).
     *
     * @throws IllegalStateException when no display or no OpenGL 3.2 is available
     */
    public static OverlayWindow open(OverlayState state, OverlaySettings settings, Keybindings keys, Clock clock,
                                     FramePacer pacer, Consumer<String> log) {
        OverlayWindow overlay = new OverlayWindow(state, settings, keys, clock, pacer, log);
        try {
            overlay.create();
        } catch (RuntimeException e) {
            overlay.close();
            throw e;
        }
        return overlay;
    }

    private void create() {
        GLFWErrorCallback.createPrint(System.err).set();
        if (!glfwInit()) {
            throw new IllegalStateException("cannot open a window: GLFW found no display (use --headless)");
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
        glfwWindowHint(GLFW_FLOATING, GLFW_TRUE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
        glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
        glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);
        glfwWindowHint(GLFW_TRANSPARENT_FRAMEBUFFER, GLFW_TRUE);
        glfwWindowHint(GLFW_MOUSE_PASSTHROUGH, GLFW_TRUE);
        glfwWindowHint(GLFW_ALPHA_BITS, 8);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        window = glfwCreateWindow(width, height, "SpeedFog Racing", NULL, NULL);
        if (window == NULL) {
            throw new IllegalStateException("cannot open a window: OpenGL 3.2 is not available (use --headless)");
        }
        transparent = glfwGetWindowAttrib(window, GLFW_TRANSPARENT_FRAMEBUFFER) == GLFW_TRUE;
        if (!transparent) {
            log.accept("the window cannot be see-through here (on Linux/X11 a compositor must run, e.g. xcompmgr)");
        }
        place();
        glfwMakeContextCurrent(window);
        GL.createCapabilities();
        glfwSwapInterval(0); // the pacer sets the rate; vsync would only add latency to the wait
        installKeys();

        ImGui.createContext();
        ImGuiIO io = ImGui.getIO();
        io.setIniFilename(null);
        ImFontConfig font = new ImFontConfig();
        font.setSizePixels(settings.fontSize());
        io.getFonts().addFontDefault(font);
        font.destroy();
        imGuiGlfw.init(window, false);
        imGuiGl3.init("#version 150");
        glfwShowWindow(window);
        state.observe(glfwWakeUp());
    }

    /** Wakes the loop from another thread when the view changes (glfwPostEmptyEvent is thread-safe). */
    private Runnable glfwWakeUp() {
        return () -> {
            if (window != NULL) {
                glfwPostEmptyEvent();
            }
        };
    }

    private void place() {
        long monitor = glfwGetPrimaryMonitor();
        int x = 0;
        int y = 0;
        int w = width;
        int h = height;
        if (monitor != NULL) {
            try (MemoryStack stack = MemoryStack.stackPush()) {
                IntBuffer ax = stack.mallocInt(1);
                IntBuffer ay = stack.mallocInt(1);
                IntBuffer aw = stack.mallocInt(1);
                IntBuffer ah = stack.mallocInt(1);
                glfwGetMonitorWorkarea(monitor, ax, ay, aw, ah);
                x = ax.get(0);
                y = ay.get(0);
                w = aw.get(0);
                h = ah.get(0);
                if (w <= 0 || h <= 0) {
                    GLFWVidMode mode = glfwGetVideoMode(monitor);
                    w = mode == null ? width : mode.width();
                    h = mode == null ? height : mode.height();
                }
            }
        }
        WindowPlacement at = WindowPlacement.in(settings.position(), x, y, w, h, width, height);
        glfwSetWindowPos(window, at.x(), at.y());
    }

    /**
     * Toggle keys through GLFW. A click-through window never gets the keyboard focus while the game
     * has it, so these only fire when the overlay window itself is focused; {@link GlobalKeys} polls
     * the keyboard for the in-game case.
     */
    private void installKeys() {
        OptionalInt toggleUi = KeyCodes.glfwKey(keys.toggleUi());
        OptionalInt toggleExits = KeyCodes.glfwKey(keys.toggleExits());
        glfwSetKeyCallback(window, (w, key, scancode, action, mods) -> {
            if (action != GLFW_PRESS) {
                return;
            }
            if (toggleUi.isPresent() && key == toggleUi.getAsInt()) {
                state.toggleUi();
            } else if (toggleExits.isPresent() && key == toggleExits.getAsInt()) {
                state.toggleExits();
            }
        });
    }

    public boolean transparent() {
        return transparent;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Frames drawn so far. */
    public int frames() {
        return frames;
    }

    /** Runs until the window is asked to close or {@code stop} says so. */
    public void run(BooleanSupplier stop) {
        long lastFrame = System.nanoTime() - pacer.idleInterval().toNanos();
        while (!glfwWindowShouldClose(window) && !stop.getAsBoolean()) {
            long wait = pacer.waitNanos(!state.view().equals(drawn), System.nanoTime() - lastFrame);
            if (wait > 0) {
                glfwWaitEventsTimeout(wait / 1e9);
                continue;
            }
            glfwPollEvents();
            renderFrame();
            glfwSwapBuffers(window);
            lastFrame = System.nanoTime();
        }
    }

    /** Draws the current view into the back buffer (not shown until the buffers are swapped). */
    public void renderFrame() {
        OverlayView view = state.view();
        if (view.uiVisible() && !view.equals(drawn)) {
            // An auto-sized ImGui window takes its size from the previous frame (and hides on the frame it
            // appears): lay new content out once unseen, so the frame shown is already the right size.
            layOut(view);
        }
        layOut(view);
        glViewport(0, 0, width, height);
        glClearColor(0f, 0f, 0f, 0f);
        glClear(GL_COLOR_BUFFER_BIT);
        imGuiGl3.renderDrawData(ImGui.getDrawData());
        drawn = view;
        frames++;
    }

    private void layOut(OverlayView view) {
        imGuiGl3.newFrame(); // creates the font texture on the first frame
        imGuiGlfw.newFrame();
        ImGui.newFrame();
        if (view.uiVisible()) {
            panel.draw(PanelContent.of(view, clock.instant(), keys.toggleExits()), width, height);
        }
        ImGui.render();
    }

    /** The back buffer, as drawn by {@link #renderFrame()}. */
    public BufferedImage capture() {
        return FramebufferCapture.read(width, height);
    }

    @Override
    public void close() {
        if (window != NULL) {
            try {
                imGuiGl3.shutdown();
                imGuiGlfw.shutdown();
            } catch (NullPointerException e) {
                // imgui-java 1.87's GLFW backend may trip over a cursor it never created: nothing to free then.
            }
            if (ImGui.getCurrentContext() != null && ImGui.getCurrentContext().ptr != 0) {
                ImGui.destroyContext();
            }
            Callbacks.glfwFreeCallbacks(window);
            glfwDestroyWindow(window);
            window = NULL;
        }
        glfwTerminate();
        GLFWErrorCallback previous = glfwSetErrorCallback(null);
        if (previous != null) {
            previous.free();
        }
    }
}
