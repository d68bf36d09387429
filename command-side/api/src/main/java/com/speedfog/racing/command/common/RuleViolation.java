package com.speedfog.racing.command.common;

/**
 * A command refused by a domain rule. The code is stable (clients and the HTTP layer switch on it);
 * the message is for people.
 */
public class RuleViolation extends RuntimeException {

    /** How the edge should answer: maps to 422, 403, 409 and 404. */
    public enum Kind { INVALID, FORBIDDEN, CONFLICT, NOT_FOUND }

    private final String code;
    private final Kind kind;

    public RuleViolation(String code, Kind kind, String message) {
        super(message, null, false, false);
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public static RuleViolation invalid(String code, String message) {
        return new RuleViolation(code, Kind.INVALID, message);
    }

    public static RuleViolation forbidden(String code, String message) {
        return new RuleViolation(code, Kind.FORBIDDEN, message);
    }

    public static RuleViolation conflict(String code, String message) {
        return new RuleViolation(code, Kind.CONFLICT, message);
    }

    @Override
    public String toString() {
        return "RuleViolation[" + code + "]: " + getMessage();
    }
}
