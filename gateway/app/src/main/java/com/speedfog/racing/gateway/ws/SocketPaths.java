package com.speedfog.racing.gateway.ws;

import org.springframework.web.socket.WebSocketSession;

import java.util.Optional;
import java.util.UUID;

final class SocketPaths {
    private SocketPaths() {
    }

    /** The race id at the end of /ws/mod/{id} or /ws/race/{id}. */
    static Optional<UUID> raceId(WebSocketSession session) {
        String path = session.getUri() == null ? "" : session.getUri().getPath();
        try {
            return Optional.of(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
