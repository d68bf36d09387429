package com.speedfog.racing.query.race;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.UUID;

/**
 * A participant as spectators see them (PROTOCOL.md "participant info").
 *
 * @param status          registered, ready, playing, finished, abandoned or disqualified
 * @param closedReason    why the participation ended without a result of its own (removed, race_finished,
 *                        race_cancelled), else null
 * @param currentLayer    the layer high-water mark
 * @param layerEntryIgtMs IGT at which the current layer was first reached
 * @param finishIgtMs     the final time, once finished
 */
public record ParticipantView(
        UUID id,
        @JsonProperty("race_id") UUID raceId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("display_name") String displayName,
        String status,
        @JsonProperty("closed_reason") String closedReason,
        @JsonProperty("color_index") int colorIndex,
        @JsonProperty("current_zone") String currentZone,
        @JsonProperty("current_layer") int currentLayer,
        @JsonProperty("layer_entry_igt") Long layerEntryIgtMs,
        @JsonProperty("igt_ms") long igtMs,
        @JsonProperty("death_count") int deathCount,
        @JsonProperty("finish_igt_ms") Long finishIgtMs,
        @JsonProperty("mod_connected") boolean modConnected,
        @JsonProperty("zone_history") List<ZoneVisit> zoneHistory) {

    /** Finished, abandoned, disqualified, or closed by the race: this player is no longer racing. */
    public boolean runOver() {
        return closedReason != null || "finished".equals(status) || "abandoned".equals(status)
                || "disqualified".equals(status);
    }

    public ParticipantView withoutHistory() {
        return new ParticipantView(id, raceId, userId, displayName, status, closedReason, colorIndex, currentZone,
                currentLayer, layerEntryIgtMs, igtMs, deathCount, finishIgtMs, modConnected, List.of());
    }
}
