package com.speedfog.racing.overlay.connection;

import com.speedfog.racing.protocol.ServerMessage;

/**
 * What the race connection tells the rest of the overlay. Called on the connection's own thread, one
 * call at a time; implementations hand the data over to their own threads.
 */
public interface ConnectionListener {

    /** @param detail a sentence for the player (why it failed, when the next attempt is), may be empty */
    default void stateChanged(ConnectionState state, String detail) {
    }

    /** Authenticated: the race, the seed and the leaderboard as they are now (also after each reconnect). */
    default void authenticated(ServerMessage.AuthOk authOk) {
    }

    default void raceStatusChanged(ServerMessage.RaceStatusChange change) {
    }

    default void raceStarted(ServerMessage.RaceStart start) {
    }

    default void leaderboardChanged(ServerMessage.LeaderboardUpdate update) {
    }

    default void zoneChanged(ServerMessage.ZoneUpdate update) {
    }

    default void acknowledged(String messageId) {
    }

    /** The server refused a message for good (it was removed from the outbox), or sent an error without id. */
    default void refused(ServerMessage.Error error) {
    }
}
