package com.speedfog.racing.domain.participant;

/** What a gameplay command did, so the edge can acknowledge a client message correctly. */
public enum Outcome {
    /** Stored as an event. */
    APPLIED,
    /** Nothing meaningful changed: nothing stored (the message is still acknowledged). */
    UNCHANGED,
    /** This message id was applied before: acknowledged again, never applied twice. */
    DUPLICATE
}
