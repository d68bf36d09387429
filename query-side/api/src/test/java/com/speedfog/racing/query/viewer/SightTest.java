package com.speedfog.racing.query.viewer;

import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardEntry;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceOptions;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.race.ZoneVisit;
import com.speedfog.racing.query.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule table of docs/architecture.md ("One read path"), case by case. */
class SightTest {

    static final UUID RACE = UUID.randomUUID();
    static final ParticipantView WINNER = participant("winner", "finished", null);
    static final ParticipantView RUNNER = participant("runner", "playing", null);
    static final ParticipantView QUITTER = participant("quitter", "abandoned", null);
    static final List<ParticipantView> ROSTER = List.of(WINNER, RUNNER, QUITTER);

    static ParticipantView participant(String user, String status, String closed) {
        return new ParticipantView(UUID.randomUUID(), RACE, user, user.toUpperCase(), status, closed, 0, user + "_node", 2,
                1000L, 5000, 1, "finished".equals(status) ? 5000L : null, true,
                List.of(new ZoneVisit(null, 0, 0, 0), new ZoneVisit(user + "_node", 2, 1000, 1)));
    }

    static RaceSummary race(String status, boolean showFinishedNames) {
        return new RaceSummary(RACE, "R", "organizer", "pool", "seed", status,
                new RaceOptions(showFinishedNames, 8, 10, true, false), 3, Instant.EPOCH, null, null, null, null);
    }

    @Test
    void rolesFollowTheRosterAndTheRace() {
        RaceSummary running = race("running", true);
        assertThat(RaceRole.of(Viewer.ANONYMOUS, running, java.util.Optional.empty())).isEqualTo(RaceRole.ANONYMOUS);
        assertThat(Sight.of(Viewer.user("someone"), running, ROSTER).role()).isEqualTo(RaceRole.SPECTATOR);
        assertThat(Sight.of(Viewer.user("organizer"), running, ROSTER).role()).isEqualTo(RaceRole.ORGANIZER);
        assertThat(Sight.of(Viewer.admin("boss"), running, ROSTER).role()).isEqualTo(RaceRole.ADMIN);
        assertThat(Sight.of(Viewer.user("runner"), running, ROSTER).role()).isEqualTo(RaceRole.RACING);
        assertThat(Sight.of(Viewer.user("winner"), running, ROSTER).role()).isEqualTo(RaceRole.FINISHED);
        assertThat(Sight.of(Viewer.user("quitter"), running, ROSTER).role()).isEqualTo(RaceRole.FINISHED);
        // An admin or organizer racing their own race is a racer first.
        ParticipantView adminRacing = participant("boss", "ready", null);
        assertThat(Sight.of(Viewer.admin("boss"), running, List.of(adminRacing)).role()).isEqualTo(RaceRole.RACING);
        // A runner closed by the race's forced finish is done.
        ParticipantView dnf = participant("runner", "playing", "race_finished");
        assertThat(Sight.of(Viewer.user("runner"), race("finished", true), List.of(dnf)).role()).isEqualTo(RaceRole.FINISHED);
    }

    @Test
    void theGraphIsHiddenBeforeGoAndFromARacer() {
        for (String status : List.of("draft", "open", "countdown")) {
            assertThat(Sight.of(Viewer.ANONYMOUS, race(status, true), ROSTER).graph()).as(status).isFalse();
            assertThat(Sight.of(Viewer.ANONYMOUS, race(status, true), ROSTER).positions()).as(status).isTrue();
        }
        assertThat(Sight.of(Viewer.ANONYMOUS, race("running", true), ROSTER).graph()).isTrue();
        assertThat(Sight.of(Viewer.user("runner"), race("running", true), ROSTER).graph()).isFalse();
        assertThat(Sight.of(Viewer.user("winner"), race("running", true), ROSTER).graph()).isTrue();
        assertThat(Sight.of(Viewer.ANONYMOUS, race("finished", true), ROSTER).graph()).isTrue();
    }

    @Test
    void aRacerSeesNobodysPositionsAndNoHiddenFinisherName() {
        Sight racer = Sight.of(Viewer.user("runner"), race("running", false), ROSTER);
        assertThat(racer.positions()).isFalse();
        assertThat(racer.finishersNamed()).isFalse();
        for (ParticipantView p : ROSTER) {
            ParticipantView seen = racer.participant(p);
            assertThat(seen.currentZone()).isNull();
            assertThat(seen.zoneHistory()).isEmpty();
            assertThat(seen.currentLayer()).isEqualTo(p.currentLayer()); // layers are on the leaderboard anyway
        }
        assertThat(racer.participant(WINNER).displayName()).isNull();
        assertThat(racer.participant(QUITTER).displayName()).isEqualTo("QUITTER");

        Sight named = Sight.of(Viewer.user("runner"), race("running", true), ROSTER);
        assertThat(named.participant(WINNER).displayName()).isEqualTo("WINNER");

        Sight spectator = Sight.of(Viewer.ANONYMOUS, race("running", false), ROSTER);
        assertThat(spectator.participant(WINNER)).isSameAs(WINNER);

        Leaderboard board = new Leaderboard(RACE, List.of(
                new LeaderboardEntry(1, WINNER.id(), "WINNER", "finished", 2, 5000, 1, true, 0L, 0),
                new LeaderboardEntry(2, RUNNER.id(), "RUNNER", "playing", 2, 5000, 1, false, 0L, 1)), Map.of());
        assertThat(racer.leaderboard(board).participants()).extracting(LeaderboardEntry::name).containsExactly(null, "RUNNER");
        assertThat(spectator.leaderboard(board)).isSameAs(board);
    }

    @Test
    void aRacersTimelineLeavesOutRivalsZonesAndHiddenFinishes() {
        Sight racer = Sight.of(Viewer.user("runner"), race("running", false), ROSTER);
        assertThat(racer.shows(entry(null, "RaceStarted"))).isTrue();
        assertThat(racer.shows(entry(WINNER.id(), "ZoneEntered"))).isFalse();
        assertThat(racer.shows(entry(WINNER.id(), "ParticipantFinished"))).isFalse();
        assertThat(racer.shows(entry(WINNER.id(), "StatusCheckpointed"))).isTrue();
        assertThat(racer.shows(entry(RUNNER.id(), "ZoneEntered"))).isTrue(); // their own
        Sight named = Sight.of(Viewer.user("runner"), race("running", true), ROSTER);
        assertThat(named.shows(entry(WINNER.id(), "ParticipantFinished"))).isTrue();
        assertThat(named.shows(entry(WINNER.id(), "ZoneEntered"))).isFalse();
        Sight spectator = Sight.of(Viewer.ANONYMOUS, race("running", false), ROSTER);
        assertThat(spectator.shows(entry(WINNER.id(), "ZoneEntered"))).isTrue();
    }

    static TimelineEntry entry(UUID participant, String type) {
        return new TimelineEntry(1, RACE, participant, type, Instant.EPOCH, null, "", "{}");
    }
}
