package com.speedfog.racing.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * What a mod client (the overlay, or the SpeedFog racing mod) sends on {@code /ws/mod/{race_id}}.
 * Gameplay messages may carry a client-chosen {@code message_id}, unique per participant: the server
 * acknowledges it once stored (or found useless) and never applies it twice.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ModMessage.Auth.class, name = "auth"),
        @JsonSubTypes.Type(value = ModMessage.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = ModMessage.StatusUpdate.class, name = "status_update"),
        @JsonSubTypes.Type(value = ModMessage.ZoneEntered.class, name = "zone_entered"),
        @JsonSubTypes.Type(value = ModMessage.EventFlag.class, name = "event_flag"),
        @JsonSubTypes.Type(value = ModMessage.ZoneQuery.class, name = "zone_query"),
        @JsonSubTypes.Type(value = ModMessage.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = ModMessage.Pong.class, name = "pong")})
public sealed interface ModMessage {

    /** Gameplay: every message but auth and pong. */
    sealed interface Gameplay extends ModMessage {
        String messageId();

        /** @return what is wrong with the fields, or null */
        String problem();
    }

    record Auth(String modToken, Integer protocolVersion, String clientVersion) implements ModMessage {
    }

    record Ready(String messageId) implements Gameplay {
        @Override
        public String problem() {
            return null;
        }
    }

    record StatusUpdate(Long igtMs, Integer deathCount, String currentZone, Integer currentLayer, String messageId)
            implements Gameplay {
        @Override
        public String problem() {
            if (igtMs == null || deathCount == null) {
                return "status_update needs igt_ms and death_count";
            }
            return igtMs < 0 || deathCount < 0 ? "igt_ms and death_count cannot be negative" : null;
        }
    }

    record ZoneEntered(String toZone, Long igtMs, String fromZone, String messageId) implements Gameplay {
        @Override
        public String problem() {
            if (toZone == null || toZone.isBlank() || igtMs == null) {
                return "zone_entered needs to_zone and igt_ms";
            }
            return igtMs < 0 ? "igt_ms cannot be negative" : null;
        }
    }

    record EventFlag(Long flagId, Long igtMs, String messageId) implements Gameplay {
        @Override
        public String problem() {
            if (flagId == null || igtMs == null) {
                return "event_flag needs flag_id and igt_ms";
            }
            return igtMs < 0 ? "igt_ms cannot be negative" : null;
        }
    }

    record ZoneQuery(Long mapId, List<Double> position, Long playRegionId, Long graceEntityId, String messageId)
            implements Gameplay {
        @Override
        public String problem() {
            return position != null && position.size() != 3 ? "position must be [x, y, z]" : null;
        }
    }

    record Finished(Long igtMs, String messageId) implements Gameplay {
        @Override
        public String problem() {
            if (igtMs == null) {
                return "finished needs igt_ms";
            }
            return igtMs < 0 ? "igt_ms cannot be negative" : null;
        }
    }

    record Pong() implements ModMessage {
    }
}
