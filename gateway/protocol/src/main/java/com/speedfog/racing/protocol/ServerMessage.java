package com.speedfog.racing.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything the server sends on either socket. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.AuthOk.class, name = "auth_ok"),
        @JsonSubTypes.Type(value = ServerMessage.AuthError.class, name = "auth_error"),
        @JsonSubTypes.Type(value = ServerMessage.RaceStatusChange.class, name = "race_status_change"),
        @JsonSubTypes.Type(value = ServerMessage.RaceStart.class, name = "race_start"),
        @JsonSubTypes.Type(value = ServerMessage.LeaderboardUpdate.class, name = "leaderboard_update"),
        @JsonSubTypes.Type(value = ServerMessage.ZoneUpdate.class, name = "zone_update"),
        @JsonSubTypes.Type(value = ServerMessage.Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = ServerMessage.RaceState.class, name = "race_state"),
        @JsonSubTypes.Type(value = ServerMessage.PlayerUpdate.class, name = "player_update"),
        @JsonSubTypes.Type(value = ServerMessage.SpectatorCount.class, name = "spectator_count")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerMessage {

    // ---- shared shapes

    /** A race as the sockets describe it. {@code config} is sent to spectators only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RaceInfo(UUID id, String name, String status, Instant scheduledStart, Instant startedAt,
                    Integer countdownSeconds, Map<String, Object> config) {
    }

    /** What a mod needs of the seed: the flags to watch and which one means finished. */
    record SeedInfo(int totalLayers, List<Long> eventIds, Long finishEvent) {
    }

    /** What a spectator needs of the seed: the whole graph, when their role may see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SpectatorSeedInfo(int totalLayers, Object graphJson, Boolean hidden) {
    }

    record LeaderboardEntry(String participantId, String name, String status, int layer, long igtMs, int deathCount,
                            boolean finished, Long gapMs, int colorIndex) {
    }

    record ZoneVisit(String nodeId, long igtMs, int deaths) {
    }

    record ParticipantInfo(String id, String name, String displayName, String status, String currentZone,
                           int currentLayer, long igtMs, int deathCount, int colorIndex, boolean modConnected,
                           List<ZoneVisit> zoneHistory, Long gapMs, Long layerEntryIgt) {
    }

    record Exit(String text, String toName, boolean discovered) {
    }

    // ---- messages

    record AuthOk(String participantId, RaceInfo race, SeedInfo seed, List<LeaderboardEntry> participants)
            implements ServerMessage {
    }

    record AuthError(String message) implements ServerMessage {
    }

    record RaceStatusChange(String status, Instant scheduledStart, Integer countdownSeconds, Instant startedAt)
            implements ServerMessage {
    }

    record RaceStart(Instant startedAt) implements ServerMessage {
    }

    record LeaderboardUpdate(List<LeaderboardEntry> participants, Map<Integer, Long> leaderSplits)
            implements ServerMessage {
    }

    record ZoneUpdate(String nodeId, String displayName, Integer tier, int layer, List<Exit> exits)
            implements ServerMessage {
    }

    record Ack(String messageId) implements ServerMessage {
    }

    /** @param messageId the refused message's id, when it had one */
    record Error(String code, String message, String messageId) implements ServerMessage {
    }

    record Ping() implements ServerMessage {
    }

    record RaceState(RaceInfo race, SpectatorSeedInfo seed, List<ParticipantInfo> participants,
                     Map<Integer, Long> leaderSplits) implements ServerMessage {
    }

    record PlayerUpdate(ParticipantInfo player) implements ServerMessage {
    }

    record SpectatorCount(int count) implements ServerMessage {
    }
}
