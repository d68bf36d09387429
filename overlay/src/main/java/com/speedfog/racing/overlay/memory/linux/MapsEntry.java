package com.speedfog.racing.overlay.memory.linux;

/** One line of /proc/PID/maps: an address range and the file mapped there (empty for anonymous memory). */
public record MapsEntry(long start, long end, String permissions, long fileOffset, String path) {

    /** The last path element, e.g. {@code eldenring.exe} for {@code /games/ELDEN RING/Game/eldenring.exe}. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
