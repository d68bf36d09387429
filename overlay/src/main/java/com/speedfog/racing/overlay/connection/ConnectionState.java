package com.speedfog.racing.overlay.connection;

/** Where the race connection stands, as the player sees it. */
public enum ConnectionState {
    /** First attempt, not authenticated yet. */
    CONNECTING,
    /** Authenticated: gameplay messages flow. */
    CONNECTED,
    /** Lost or failed; another attempt is scheduled. */
    RECONNECTING,
    /** The server refused the mod token: retrying cannot help. */
    REFUSED,
    /** Another overlay connected with the same token and took over. */
    REPLACED,
    /** Closed by us. */
    CLOSED;

    /** No further attempt will be made in this state. */
    public boolean isFinal() {
        return this == REFUSED || this == REPLACED || this == CLOSED;
    }
}
