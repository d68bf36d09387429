package com.speedfog.racing.overlay.config;

import java.nio.file.Path;

/** Everything {@code speedfog_race.toml} says, validated. {@code file} is where it was read from. */
public record RaceConfig(Path file, ServerSettings server, OverlaySettings overlay, Keybindings keybindings) {
}
