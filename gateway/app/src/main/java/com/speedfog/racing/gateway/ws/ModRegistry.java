package com.speedfog.racing.gateway.ws;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Every open mod socket of this node, by session, and the one current socket of each participant. */
@Component
class ModRegistry {
    private final Map<String, ModConnection> bySession = new ConcurrentHashMap<>();
    private final Map<UUID, ModConnection> byParticipant = new ConcurrentHashMap<>();

    void opened(ModConnection connection) {
        bySession.put(connection.session.getId(), connection);
    }

    ModConnection bySession(String sessionId) {
        return bySession.get(sessionId);
    }

    /** Makes this the participant's socket; answers the one it replaces, if any. */
    Optional<ModConnection> claim(UUID participantId, ModConnection connection) {
        ModConnection previous = byParticipant.put(participantId, connection);
        return previous == null || previous == connection ? Optional.empty() : Optional.of(previous);
    }

    /**
     * Forgets a closed socket; answers it when it was its participant's current one (the player is now
     * disconnected), empty when it was replaced, never authenticated or unknown.
     */
    Optional<ModConnection> closed(String sessionId) {
        ModConnection connection = bySession.remove(sessionId);
        if (connection == null) {
            return Optional.empty();
        }
        UUID participant = connection.participant;
        return participant != null && byParticipant.remove(participant, connection) ? Optional.of(connection) : Optional.empty();
    }

    /** How many players have a mod connected here. */
    int connectionCount() {
        return byParticipant.size();
    }

    void forEach(Consumer<ModConnection> action) {
        bySession.values().forEach(action);
    }
}
