package com.speedfog.racing.command.participant;

/** REGISTERED → READY → PLAYING → FINISHED | ABANDONED | DISQUALIFIED; the last three are final. */
public enum ParticipantStatus {
    REGISTERED, READY, PLAYING, FINISHED, ABANDONED, DISQUALIFIED;

    public boolean done() {
        return this == FINISHED || this == ABANDONED || this == DISQUALIFIED;
    }
}
