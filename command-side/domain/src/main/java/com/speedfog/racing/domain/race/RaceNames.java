package com.speedfog.racing.domain.race;

import com.speedfog.racing.command.common.ErrorCodes;
import com.speedfog.racing.command.common.RuleViolation;

import java.util.regex.Pattern;

/** Names people see (races, players): trimmed, bounded, and never markup. */
public final class RaceNames {
    private static final Pattern MARKUP = Pattern.compile("[<>]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private RaceNames() {
    }

    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_NAME, "a name is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > Race.MAX_NAME_LENGTH) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_NAME, "names are at most " + Race.MAX_NAME_LENGTH + " characters");
        }
        if (MARKUP.matcher(trimmed).find() || CONTROL.matcher(trimmed).find()) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_NAME, "names may not contain '<', '>' or control characters");
        }
        return trimmed;
    }
}
