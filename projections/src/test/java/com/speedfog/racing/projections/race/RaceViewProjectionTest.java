package com.speedfog.racing.projections.race;

import com.speedfog.racing.command.participant.ParticipantCommands.CloseReason;
import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.ParticipantStatus;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.projections.ProjectionHarness;
import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardEntry;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceDetail;
import com.speedfog.racing.query.race.RacePage;
import com.speedfog.racing.query.race.ZoneVisit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given events, then the views. */
class RaceViewProjectionTest {

    static JdbcTemplate jdbc;
    RaceReadModel reads;
    ProjectionHarness harness;

    final UUID race = UUID.randomUUID();
    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final UUID cid = UUID.randomUUID();
    static final Instant GO = Instant.parse("2030-05-01T19:00:00Z");

    @BeforeAll
    static void database() {
        jdbc = ProjectionHarness.freshDatabase();
    }

    @BeforeEach
    void setUp() {
        reads = new RaceReadModel(jdbc);
        harness = new ProjectionHarness(new RaceViewProjection(jdbc, reads, update -> { }));
    }

    Object[] raceWithThree() {
        return new Object[]{
                new RaceCreated(race, "Friday race", "org-1", "standard", "seed-7", new RaceConfig(false, 8, 10, true, true)),
                new ParticipantRegistered(race, alice, "user-a", "Alice", false),
                new ParticipantRegistered(race, bob, "user-b", "Bob", false),
                new ParticipantRegistered(race, cid, "user-c", "Cid", true),
                new ParticipantCreated(alice, race, "user-a", "Alice", "org-1"),
                new ParticipantCreated(bob, race, "user-b", "Bob", "org-1"),
                new ParticipantCreated(cid, race, "user-c", "Cid", "org-1"),
                new RaceOpened(race)};
    }

    Object[] started() {
        return new Object[]{new RaceStartScheduled(race, GO), new RaceStarted(race, GO),
                new RunBegun(alice, race, GO), new RunBegun(bob, race, GO), new RunBegun(cid, race, GO)};
    }

    @Test
    void theRaceAndItsRosterInRegistrationOrder() {
        harness.given(raceWithThree()).given(new ParticipantReady(bob, race, "m1"));
        RaceDetail detail = reads.detail(race).orElseThrow();
        assertThat(detail.race().name()).isEqualTo("Friday race");
        assertThat(detail.race().status()).isEqualTo("open");
        assertThat(detail.race().participantCount()).isEqualTo(3);
        assertThat(detail.race().config().showFinishedNames()).isFalse();
        assertThat(detail.race().createdAt()).isEqualTo(ProjectionHarness.T0.plusSeconds(1));
        assertThat(detail.participants()).extracting(ParticipantView::displayName).containsExactly("Alice", "Bob", "Cid");
        assertThat(detail.participants()).extracting(ParticipantView::colorIndex).containsExactly(0, 1, 2);
        assertThat(detail.participants()).extracting(ParticipantView::status).containsExactly("registered", "ready", "registered");
    }

    @Test
    void scheduleStartAndFinishShowInTheRace() {
        harness.given(raceWithThree()).given(new RaceStartScheduled(race, GO));
        assertThat(reads.summary(race).orElseThrow().status()).isEqualTo("countdown");
        assertThat(reads.summary(race).orElseThrow().scheduledStart()).isEqualTo(GO);
        harness.given(new RaceStarted(race, GO));
        assertThat(reads.summary(race).orElseThrow().startedAt()).isEqualTo(GO);
        harness.given(new RaceFinished(race, "org-1"));
        assertThat(reads.summary(race).orElseThrow().status()).isEqualTo("finished");
        assertThat(reads.summary(race).orElseThrow().forcedBy()).isEqualTo("org-1");
        assertThat(reads.summary(race).orElseThrow().finishedAt()).isNotNull();
    }

    @Test
    void zoneHistoryWithDeathsPerStayAndTheLayerHighWaterMark() {
        harness.given(raceWithThree()).given(started()).given(
                new StatusCheckpointed(alice, race, 10_000, 2, "s1"),
                new ZoneEntered(alice, race, "a", 1, 1, 30_000, 2, "z1"),
                new StatusCheckpointed(alice, race, 40_000, 3, "s2"),
                new ZoneEntered(alice, race, "b", 2, 2, 60_000, 3, "z2"),
                new StatusCheckpointed(alice, race, 65_000, 5, "s3"),
                new ZoneEntered(alice, race, "a", 1, 2, 70_000, 5, "z3"));
        ParticipantView view = reads.participant(alice).orElseThrow();
        assertThat(view.zoneHistory()).containsExactly(
                new ZoneVisit(null, 0, 0, 2), new ZoneVisit("a", 1, 30_000, 1),
                new ZoneVisit("b", 2, 60_000, 2), new ZoneVisit("a", 1, 70_000, 0));
        assertThat(view.currentZone()).isEqualTo("a");
        assertThat(view.currentLayer()).isEqualTo(2);
        assertThat(view.layerEntryIgtMs()).isEqualTo(60_000L);
        assertThat(view.deathCount()).isEqualTo(5);
        assertThat(view.igtMs()).isEqualTo(70_000L);
        assertThat(view.status()).isEqualTo("playing");
    }

    @Test
    void theLeaderboardRanksAndTimesTheRace() {
        harness.given(raceWithThree()).given(started()).given(
                new ZoneEntered(alice, race, "a", 1, 1, 30_000, 0, "a1"),
                new ZoneEntered(bob, race, "a", 1, 1, 40_000, 0, "b1"),
                new ZoneEntered(bob, race, "b", 2, 2, 90_000, 0, "b2"),
                new ZoneEntered(alice, race, "c", 2, 2, 100_000, 0, "a2"),
                new ParticipantAbandoned(cid, race, 5_000, "user-c"));
        Leaderboard board = reads.leaderboard(race).orElseThrow();
        assertThat(board.participants()).extracting(LeaderboardEntry::name).containsExactly("Bob", "Alice", "Cid");
        assertThat(board.participants()).extracting(LeaderboardEntry::gapMs).containsExactly(0L, 10_000L, null);
        assertThat(board.leaderSplits()).containsEntry(0, 0L).containsEntry(1, 30_000L).containsEntry(2, 90_000L);

        harness.given(new ParticipantFinished(alice, race, 3_000_000, 4, "af"), new ParticipantFinished(bob, race, 3_100_000, 1, "bf"));
        board = reads.leaderboard(race).orElseThrow();
        assertThat(board.participants()).extracting(LeaderboardEntry::name).containsExactly("Alice", "Bob", "Cid");
        assertThat(board.participants()).extracting(LeaderboardEntry::gapMs).containsExactly(0L, 100_000L, null);
        assertThat(board.participants()).extracting(LeaderboardEntry::finished).containsExactly(true, true, false);
        assertThat(board.hidingFinishedNames().participants()).extracting(LeaderboardEntry::name)
                .containsExactly(null, null, "Cid");
    }

    @Test
    void aRemovedPlayerLeavesTheRosterAndANewOneGetsAFreshColour() {
        UUID dan = UUID.randomUUID();
        harness.given(raceWithThree()).given(
                new ParticipantRemoved(race, bob, "user-b", RemovalReason.REMOVED_BY_ORGANIZER),
                new ParticipantClosed(bob, race, CloseReason.REMOVED, ParticipantStatus.REGISTERED),
                new ParticipantRegistered(race, dan, "user-d", "Dan", true));
        RaceDetail detail = reads.detail(race).orElseThrow();
        assertThat(detail.race().participantCount()).isEqualTo(3);
        assertThat(detail.participants()).extracting(ParticipantView::displayName).containsExactly("Alice", "Cid", "Dan");
        assertThat(detail.participants()).extracting(ParticipantView::colorIndex).containsExactly(0, 2, 3);
    }

    @Test
    void aResetClearsEveryonesProgress() {
        harness.given(raceWithThree()).given(started()).given(
                new ZoneEntered(alice, race, "a", 1, 1, 30_000, 0, "a1"),
                new ParticipantFinished(alice, race, 50_000, 0, "af"),
                new RaceFinished(race, "org-1"),
                new ParticipantClosed(bob, race, CloseReason.RACE_FINISHED, ParticipantStatus.PLAYING),
                new RaceReset(race), new ParticipantReset(alice, race), new ParticipantReset(bob, race));
        assertThat(reads.summary(race).orElseThrow().status()).isEqualTo("open");
        assertThat(reads.summary(race).orElseThrow().startedAt()).isNull();
        ParticipantView a = reads.participant(alice).orElseThrow();
        assertThat(a.status()).isEqualTo("registered");
        assertThat(a.zoneHistory()).isEmpty();
        assertThat(a.finishIgtMs()).isNull();
        assertThat(reads.participant(bob).orElseThrow().closedReason()).isNull();
        assertThat(reads.leaderboard(race).orElseThrow().leaderSplits()).doesNotContainKey(1);
    }

    @Test
    void aForcedFinishLeavesRunnersAsDnf() {
        harness.given(raceWithThree()).given(started()).given(
                new ParticipantFinished(alice, race, 50_000, 0, "af"),
                new RaceFinished(race, "org-1"),
                new ParticipantClosed(bob, race, CloseReason.RACE_FINISHED, ParticipantStatus.PLAYING));
        assertThat(reads.participant(bob).orElseThrow().closedReason()).isEqualTo("race_finished");
        assertThat(reads.participantOf(race, "user-b").orElseThrow().runOver()).isTrue();
        assertThat(reads.participantOf(race, "user-c").orElseThrow().runOver()).isFalse();
        assertThat(reads.participantOf(race, "nobody")).isEmpty();
    }

    @Test
    void connectionAndTokenLookups() {
        harness.given(raceWithThree()).given(new ModConnectionChanged(alice, race, true),
                new ModTokenAssigned(alice, race, "hash-1"), new ModTokenAssigned(alice, race, "hash-2"));
        assertThat(reads.participant(alice).orElseThrow().modConnected()).isTrue();
        assertThat(reads.participantByTokenHash("hash-1")).isEmpty();
        assertThat(reads.participantByTokenHash("hash-2")).map(ParticipantView::id).contains(alice);
    }

    @Test
    void listingFiltersByStatusAndPages() {
        UUID other = UUID.randomUUID();
        harness.given(raceWithThree()).given(
                new RaceCreated(other, "Private", "org-2", "standard", "seed-8", new RaceConfig(true, 8, 10, false, false)));
        RacePage open = reads.list("open", false, 0, 10);
        assertThat(open.races()).extracting(r -> r.id()).contains(race).doesNotContain(other);
        RacePage publicOnly = reads.list(null, true, 0, 10);
        assertThat(publicOnly.races()).extracting(r -> r.id()).doesNotContain(other);
        RacePage all = reads.list(null, false, 0, 1);
        assertThat(all.races()).hasSize(1);
        assertThat(all.total()).isGreaterThanOrEqualTo(2);
    }
}
