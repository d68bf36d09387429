package com.speedfog.racing.protocol;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireTest {

    @Test
    void readsBothMessageFamilies() throws Exception {
        assertThat(Wire.readMod("{\"type\":\"zone_entered\",\"to_zone\":\"stormveil\",\"igt_ms\":5000,\"message_id\":\"m1\"}"))
                .isEqualTo(new ModMessage.ZoneEntered("stormveil", 5000L, null, "m1"));
        assertThat(Wire.readMod("{\"type\":\"status_update\",\"igt_ms\":1,\"death_count\":2,\"current_layer\":9}"))
                .isEqualTo(new ModMessage.StatusUpdate(1L, 2, null, 9, null));
        assertThat(Wire.readMod("{\"type\":\"event_flag\",\"flag_id\":1040292800,\"igt_ms\":7}"))
                .isEqualTo(new ModMessage.EventFlag(1040292800L, 7L, null));
        assertThat(Wire.readMod("{\"type\":\"zone_query\",\"map_id\":1,\"position\":[1.5,2,3]}"))
                .isEqualTo(new ModMessage.ZoneQuery(1L, List.of(1.5, 2.0, 3.0), null, null, null));
        assertThat(Wire.readMod("{\"type\":\"auth\",\"mod_token\":\"t\",\"extra\":{\"ignored\":true}}"))
                .isEqualTo(new ModMessage.Auth("t", null, null));
        assertThat(Wire.readMod("{\"type\":\"pong\"}")).isEqualTo(new ModMessage.Pong());
    }

    @Test
    void refusalsCarryCodes() {
        assertThatThrownBy(() -> Wire.readMod("{not json")).hasFieldOrPropertyWithValue("code", Wire.BAD_JSON);
        assertThatThrownBy(() -> Wire.readMod("{\"type\":\"teleport\"}")).hasFieldOrPropertyWithValue("code", Wire.UNKNOWN_TYPE)
                .hasMessageContaining("teleport");
        assertThatThrownBy(() -> Wire.readMod("{\"igt_ms\":1}")).hasFieldOrPropertyWithValue("code", Wire.INVALID_MESSAGE);
        assertThatThrownBy(() -> Wire.readMod("{\"type\":\"finished\",\"igt_ms\":\"soon\"}"))
                .hasFieldOrPropertyWithValue("code", Wire.INVALID_MESSAGE).hasMessageContaining("igt_ms");
        assertThatThrownBy(() -> Wire.readMod("[1,2]")).isInstanceOf(Wire.WireException.class);
        assertThatThrownBy(() -> Wire.readMod("null")).hasFieldOrPropertyWithValue("code", Wire.BAD_JSON);
        String deep = "{\"type\":\"pong\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertThatThrownBy(() -> Wire.readMod(deep)).hasFieldOrPropertyWithValue("code", Wire.BAD_JSON);
    }

    @Test
    void gameplayFieldsAreChecked() throws Exception {
        assertThat(((ModMessage.Gameplay) Wire.readMod("{\"type\":\"status_update\",\"igt_ms\":1}")).problem()).isNotNull();
        assertThat(((ModMessage.Gameplay) Wire.readMod("{\"type\":\"finished\",\"igt_ms\":-5}")).problem()).contains("negative");
        assertThat(((ModMessage.Gameplay) Wire.readMod("{\"type\":\"zone_query\",\"position\":[1]}")).problem()).contains("position");
        assertThat(((ModMessage.Gameplay) Wire.readMod("{\"type\":\"ready\"}")).problem()).isNull();
    }

    @Test
    void writesSnakeCaseWithTypeAndIsoInstants() throws Exception {
        String json = Wire.write(new ServerMessage.RaceStatusChange("countdown", Instant.parse("2030-01-01T00:00:00Z"), 10, null));
        assertThat(json).isEqualTo("{\"type\":\"race_status_change\",\"status\":\"countdown\","
                + "\"scheduled_start\":\"2030-01-01T00:00:00Z\",\"countdown_seconds\":10}");
        ServerMessage back = Wire.readServer(Wire.write(new ServerMessage.LeaderboardUpdate(
                List.of(new ServerMessage.LeaderboardEntry("p", "Alice", "playing", 3, 1000, 1, false, 0L, 2)), Map.of(3, 1000L))));
        assertThat(back).isInstanceOf(ServerMessage.LeaderboardUpdate.class);
        assertThat(Wire.write(new ServerMessage.Error("unknown_zone", "no such zone", "m7")))
                .contains("\"type\":\"error\"").contains("\"message_id\":\"m7\"");
    }
}
