package com.speedfog.racing.overlay.probe;

import com.speedfog.racing.overlay.game.GameSnapshot;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/** How the probe writes values: absent values say so instead of printing zeros. */
final class ProbeFormat {

    static final String ABSENT = "n/a";

    private ProbeFormat() {
    }

    /** "1:02:03.456 (3723456 ms)". */
    static String igt(OptionalLong igtMs) {
        if (igtMs.isEmpty()) {
            return ABSENT;
        }
        long ms = igtMs.getAsLong();
        return String.format("%d:%02d:%02d.%03d (%d ms)", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000, ms);
    }

    static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : ABSENT;
    }

    /** "flags set 2/20: 1040292800 (liurnia_manor_9103), 1040292819 (finish)", or why none could be read. */
    static String flags(GameSnapshot snapshot, List<Long> watched, LongFunction<String> describe) {
        long readable = watched.stream().filter(id -> snapshot.flag(id).isPresent()).count();
        if (readable == 0) {
            return "flags: " + ABSENT + " (event flag manager not readable yet)";
        }
        List<Long> set = List.copyOf(snapshot.setFlags(watched));
        String list = set.isEmpty() ? "none"
                : set.stream().map(id -> id + " (" + describe.apply(id) + ")").collect(Collectors.joining(", "));
        String unreadable = readable < watched.size() ? ", " + (watched.size() - readable) + " unreadable" : "";
        return "flags set " + set.size() + "/" + watched.size() + unreadable + ": " + list;
    }
}
