package com.speedfog.racing.command.race;

/** DRAFT → OPEN → COUNTDOWN → RUNNING → FINISHED, plus CANCELLED from anywhere before FINISHED. */
public enum RaceStatus {
    DRAFT, OPEN, COUNTDOWN, RUNNING, FINISHED, CANCELLED;

    public boolean beforeStart() {
        return this == DRAFT || this == OPEN;
    }

    public boolean closed() {
        return this == FINISHED || this == CANCELLED;
    }
}
