package com.speedfog.racing.overlay.game;

/** The four-part version stored in an executable's version resource, e.g. 2.6.1.0. */
public record FileVersion(int major, int minor, int build, int revision) {

    @Override
    public String toString() {
        return major + "." + minor + "." + build + "." + revision;
    }
}
