package com.speedfog.racing.seeds.pool;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a path inside a seed (a zip entry name) is safe to unpack: relative, with '/' separators,
 * and never leaving the folder it is unpacked into. Players unzip packs with whatever tool they have, so a
 * name is refused if any common tool could read it as a way out.
 */
public final class SafeEntryNames {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private SafeEntryNames() {
    }

    /** Why this entry name is unsafe, or empty when it is fine. Directory names may end with '/'. */
    public static Optional<String> problem(String name) {
        String shown = "'" + printable(name) + "'";
        if (name.isEmpty()) {
            return Optional.of("an entry has an empty name");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return Optional.of("entry " + shown + " has control characters in its name");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("entry " + shown + " uses '\\' in its name: Windows tools read it as a folder"
                    + " separator, so it could point anywhere; zip entry names must use '/'");
        }
        if (name.startsWith("/")) {
            return Optional.of("entry " + shown + " is an absolute path: entries must be relative to the seed");
        }
        if (DRIVE_LETTER.matcher(name).matches()) {
            return Optional.of("entry " + shown + " starts with a drive letter: entries must be relative to the seed");
        }
        if (name.indexOf(':') >= 0) {
            return Optional.of("entry " + shown + " has ':' in its name, which Windows reads as a drive or a hidden stream");
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("entry " + shown + " uses '..', which would write outside the folder it is unpacked into");
            }
            if (segment.equals(".") || segment.isEmpty()) {
                return Optional.of("entry " + shown + " has an empty or '.' path segment");
            }
        }
        return Optional.empty();
    }

    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
