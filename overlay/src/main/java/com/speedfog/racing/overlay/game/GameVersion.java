package com.speedfog.racing.overlay.game;

import java.util.Optional;

/**
 * The game's version: its executable's file version when we could read it, and the app version
 * (the one players see, 1.16.1) derived from it. File 2.x is app 1.(10+x): 2.6.1 is 1.16.1, and
 * 2.0.x covers 1.09 and 1.10; file 1.x is app 1.0x.
 */
public record GameVersion(Optional<FileVersion> file) {

    public static GameVersion unknown() {
        return new GameVersion(Optional.empty());
    }

    public static GameVersion of(FileVersion file) {
        return new GameVersion(Optional.of(file));
    }

    public boolean isKnown() {
        return file.isPresent();
    }

    /** The minor app version (16 for 1.16.1), the number the memory layout changes with. */
    public Optional<Integer> appMinor() {
        return file.flatMap(f -> switch (f.major()) {
            case 1 -> Optional.of(f.minor());
            case 2 -> Optional.of(10 + f.minor());
            default -> Optional.empty();
        });
    }

    /** "1.16.1 (file 2.6.1.0)", or "unknown". */
    public String label() {
        if (file.isEmpty()) {
            return "unknown";
        }
        FileVersion f = file.get();
        if (appMinor().isEmpty()) {
            return "file " + f + " (newer than the versions known here)";
        }
        if (f.major() == 2 && f.minor() == 0) {
            return "1.09/1.10 (file " + f + ")";
        }
        return String.format("1.%02d.%d (file %s)", appMinor().get(), f.build(), f);
    }

    @Override
    public String toString() {
        return label();
    }
}
