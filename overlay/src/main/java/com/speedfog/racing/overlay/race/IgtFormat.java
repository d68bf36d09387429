package com.speedfog.racing.overlay.race;

/** In-game times for people: 1:23:45 (hours shown only when there are some: 23:45). */
public final class IgtFormat {

    private IgtFormat() {
    }

    public static String clock(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, secs) : String.format("%02d:%02d", minutes, secs);
    }
}
