package com.speedfog.racing.command.common;

/** The stable codes of {@link RuleViolation}s. Clients switch on these; never rename one. */
public final class ErrorCodes {
    private ErrorCodes() {
    }

    // who may act
    public static final String NOT_ORGANIZER = "not_organizer";
    public static final String NOT_YOUR_PARTICIPATION = "not_your_participation";
    public static final String ORGANIZER_ROLE_REQUIRED = "organizer_role_required";

    // input
    public static final String INVALID_NAME = "invalid_name";
    public static final String INVALID_CONFIG = "invalid_config";
    public static final String INVALID_IGT = "invalid_igt";
    public static final String INVALID_DEATHS = "invalid_deaths";
    public static final String INVALID_ZONE = "invalid_zone";
    public static final String START_IN_PAST = "start_in_past";

    // race state machine
    public static final String RACE_NOT_DRAFT = "race_not_draft";
    public static final String RACE_NOT_EDITABLE = "race_not_editable";
    public static final String REGISTRATION_CLOSED = "registration_closed";
    public static final String RACE_FULL = "race_full";
    public static final String ALREADY_REGISTERED = "already_registered";
    public static final String NOT_REGISTERED = "not_registered";
    public static final String NO_COUNTDOWN = "no_countdown";
    public static final String RACE_NOT_RUNNING = "race_not_running";
    public static final String RACE_NOT_RESETTABLE = "race_not_resettable";
    public static final String RACE_ALREADY_STARTED = "race_already_started";
    public static final String RACE_CLOSED = "race_closed";

    // participant state machine
    public static final String PARTICIPANT_DONE = "participant_done";
    public static final String ALREADY_RUNNING = "already_running";
    public static final String IGT_BACKWARDS = "igt_backwards";

    // solo and async play: own starts, training runs
    public static final String OWN_START_NOT_ALLOWED = "own_start_not_allowed";
    public static final String LAST_START_PASSED = "last_start_passed";
    public static final String COUNTDOWN_RUNNING = "countdown_running";
}
