package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.connection.ConnectionState;
import com.speedfog.racing.overlay.race.PlayerProgress;
import com.speedfog.racing.overlay.session.OverlayState;
import com.speedfog.racing.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the panel says, for each situation of a race. */
class PanelContentTest {

    private static final Instant NOW = Instant.parse("2025-06-01T20:00:00Z");

    private final OverlayState state = new OverlayState(true);

    private void authenticated(String status, Instant scheduled, Instant started) {
        state.authenticated(new ServerMessage.AuthOk("me",
                new ServerMessage.RaceInfo(UUID.randomUUID(), "Friday race", status, scheduled, started, null, null),
                new ServerMessage.SeedInfo(13, List.of(), null),
                List.of(new ServerMessage.LeaderboardEntry("p4", "Player4", "finished", 12, 6_332_000, 2, true, null, 0),
                        new ServerMessage.LeaderboardEntry("me", "Me", "playing", 6, 0, 7, false, null, 2),
                        new ServerMessage.LeaderboardEntry("p5", null, "finished", 12, 6_400_000, 2, true, null, 3))));
    }

    private PanelContent content() {
        return PanelContent.of(state.view(), NOW, "F11");
    }

    @Test
    void theLeaderboardShowsFinishTimesProgressAndWhoIAm() {
        authenticated("running", null, NOW.minusSeconds(600));
        List<PanelContent.Row> rows = content().rows();

        assertThat(rows.get(0)).isEqualTo(new PanelContent.Row("1.", "Player4 [FIN]", false, true, 1f, "1:45:32"));
        assertThat(rows.get(1)).isEqualTo(new PanelContent.Row("2.", "Me", true, false, 0.5f, "6/12"));
        assertThat(rows.get(2).name()).as("names hidden by show_finished_names").isEqualTo("(hidden) [FIN]");
    }

    @Test
    void theHeaderShowsZoneIgtTierAndLayer() {
        authenticated("running", null, NOW.minusSeconds(600));
        state.zoneChanged(new ServerMessage.ZoneUpdate("n", "Altus Sagescave", 8, 3, List.of()));
        state.gameChanged(new PlayerProgress(true, false, OptionalLong.of(5_025_999), OptionalLong.of(1), Optional.empty(),
                true, false, Optional.empty()), "", 0);

        PanelContent content = content();
        assertThat(content.zone()).isEqualTo("Altus Sagescave");
        assertThat(content.igt()).isEqualTo("1:23:45");
        assertThat(content.tier()).isEqualTo("Tier 8");
        assertThat(content.layer()).isEqualTo("3/12");
    }

    @Test
    void beforeTheServerNamesTheZoneTheLastFlagsNodeIsShown() {
        state.gameChanged(new PlayerProgress(true, false, OptionalLong.empty(), OptionalLong.empty(),
                Optional.of("academy_d5a9"), false, false, Optional.empty()), "", 0);
        assertThat(content().zone()).isEqualTo("academy_d5a9");
        assertThat(content().igt()).isEqualTo("--:--");
    }

    @Test
    void theCountdownCountsDownThenGoShowsForAFewSeconds() {
        authenticated("open", null, null);
        assertThat(content().banner()).contains("Waiting for the start");

        state.raceStatusChanged(new ServerMessage.RaceStatusChange("countdown", NOW.plusSeconds(7), 10, null));
        assertThat(content().banner()).contains("Starting in 00:07");

        state.raceStarted(new ServerMessage.RaceStart(NOW.minusSeconds(2)));
        assertThat(content().banner()).contains("GO!");
        state.raceStarted(new ServerMessage.RaceStart(NOW.minusSeconds(6)));
        assertThat(content().banner()).isEmpty();
    }

    @Test
    void exitsAreListedAndCollapsible() {
        state.zoneChanged(new ServerMessage.ZoneUpdate("n", "Stormveil", 5, 5, List.of(
                new ServerMessage.Exit("fog", "Altus Sagescave", true), new ServerMessage.Exit("fog", "Secret", false))));
        assertThat(content().exits()).containsExactly("-> Altus Sagescave", "-> ??? (undiscovered)");
        assertThat(content().exitsHeader()).isEqualTo("v Exits (F11 to hide)");
        state.toggleExits();
        assertThat(content().exitsHeader()).isEqualTo("> Exits (F11 to show)");
    }

    @Test
    void theConnectionLineSaysWhatIsGoingOn() {
        assertThat(content().connectionLine()).startsWith("Connecting");
        state.stateChanged(ConnectionState.RECONNECTING, "connection lost; retrying in 4 s");
        assertThat(content().connectionLine()).isEqualTo("Reconnecting: connection lost; retrying in 4 s");
        assertThat(content().connectionHealthy()).isFalse();
        state.stateChanged(ConnectionState.REFUSED, "check speedfog_race.toml");
        assertThat(content().connectionLine()).isEqualTo("Token refused: check speedfog_race.toml");
        state.stateChanged(ConnectionState.CONNECTED, "");
        state.gameChanged(PlayerProgress.NOTHING_YET, "", 3);
        assertThat(content().connectionLine()).isEqualTo("Connected - 3 unacknowledged");
        assertThat(content().connectionHealthy()).isTrue();
    }

    @Test
    void theFreshSaveWarningShowsUntilTheRaceRuns() {
        authenticated("open", null, null);
        state.gameChanged(new PlayerProgress(true, false, OptionalLong.of(600_000), OptionalLong.of(0), Optional.empty(),
                true, false, Optional.of("start from a fresh save")), "waiting for the game", 0);
        assertThat(content().warnings()).containsExactly("start from a fresh save", "waiting for the game");

        state.raceStarted(new ServerMessage.RaceStart(NOW));
        assertThat(content().warnings()).containsExactly("waiting for the game");
    }
}
