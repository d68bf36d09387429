package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.config.OverlaySettings;
import com.speedfog.racing.overlay.config.RgbColor;
import imgui.ImGui;
import imgui.flag.ImGuiCol;
import imgui.flag.ImGuiCond;
import imgui.flag.ImGuiWindowFlags;

/** Draws a {@link PanelContent} with ImGui: zone + IGT, tier + layer, leaderboard, exits, connection line. */
final class OverlayPanel {

    private static final int FLAGS = ImGuiWindowFlags.NoDecoration | ImGuiWindowFlags.AlwaysAutoResize
            | ImGuiWindowFlags.NoSavedSettings | ImGuiWindowFlags.NoFocusOnAppearing | ImGuiWindowFlags.NoNav
            | ImGuiWindowFlags.NoInputs | ImGuiWindowFlags.NoMove;

    private final OverlaySettings settings;
    private final float width;

    OverlayPanel(OverlaySettings settings, float width) {
        this.settings = settings;
        this.width = width;
    }

    /** One panel, anchored in the window's corner that matches the screen corner. */
    void draw(PanelContent content, int windowWidth, int windowHeight) {
        float pivotX = WindowPlacement.pivotX(settings.position());
        float pivotY = WindowPlacement.pivotY(settings.position());
        ImGui.setNextWindowPos(pivotX * windowWidth, pivotY * windowHeight, ImGuiCond.Always, pivotX, pivotY);
        ImGui.setNextWindowSizeConstraints(width, 0, width, windowHeight);
        ImGui.setNextWindowBgAlpha((float) settings.backgroundOpacity());
        ImGui.pushStyleColor(ImGuiCol.Text, rgba(settings.textColor(), 1f));
        ImGui.begin("SpeedFog Racing", FLAGS);

        textWithRight(content.zone(), content.igt());
        if (!content.tier().isEmpty() || !content.layer().isEmpty()) {
            textWithRight(content.tier(), content.layer());
        }
        content.banner().ifPresent(banner -> {
            ImGui.separator();
            ImGui.textColored(rgba(settings.highlightColor(), 1f), banner);
        });
        if (!content.rows().isEmpty()) {
            ImGui.separator();
            for (PanelContent.Row row : content.rows()) {
                drawRow(row);
            }
        }
        ImGui.separator();
        ImGui.text(content.exitsHeader());
        if (content.exitsHeader().startsWith("v")) {
            if (content.exits().isEmpty()) {
                ImGui.text("   (none known yet)");
            }
            content.exits().forEach(exit -> ImGui.text("   " + exit));
        }
        ImGui.separator();
        wrapped(content.connectionHealthy() ? rgba(0x80, 0xE0, 0x80) : rgba(0xFF, 0x90, 0x60), content.connectionLine());
        for (String warning : content.warnings()) {
            wrapped(rgba(0xFF, 0xC0, 0x40), warning);
        }
        ImGui.end();
        ImGui.popStyleColor();
    }

    private void drawRow(PanelContent.Row row) {
        int color = row.self() ? rgba(settings.highlightColor(), 1f) : rgba(settings.textColor(), 1f);
        float inner = ImGui.getContentRegionAvailX();
        ImGui.textColored(color, row.rank() + " " + row.name());
        float rightWidth = ImGui.calcTextSize(row.right()).x;
        if (!row.finished()) {
            float barWidth = inner * 0.3f;
            ImGui.sameLine(inner - rightWidth - barWidth - ImGui.getFontSize() * 0.5f);
            ImGui.pushStyleColor(ImGuiCol.PlotHistogram, color);
            ImGui.progressBar(row.progress(), barWidth, ImGui.getFontSize() * 0.8f, "");
            ImGui.popStyleColor();
        }
        ImGui.sameLine(inner - rightWidth + ImGui.getStyle().getWindowPaddingX());
        ImGui.textColored(color, row.right());
    }

    private static void textWithRight(String left, String right) {
        ImGui.text(left);
        if (!right.isEmpty()) {
            float inner = ImGui.getContentRegionAvailX();
            ImGui.sameLine(inner - ImGui.calcTextSize(right).x + ImGui.getStyle().getWindowPaddingX());
            ImGui.text(right);
        }
    }

    private static void wrapped(int color, String text) {
        ImGui.pushStyleColor(ImGuiCol.Text, color);
        ImGui.textWrapped(text);
        ImGui.popStyleColor();
    }

    /** ImGui's packed colour (ABGR). */
    static int rgba(RgbColor color, float alpha) {
        return rgba(color.red(), color.green(), color.blue()) & 0x00FFFFFF | (Math.round(alpha * 255) << 24);
    }

    static int rgba(int red, int green, int blue) {
        return 0xFF000000 | (blue << 16) | (green << 8) | red;
    }
}
