package com.speedfog.racing.gateway.race;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.RuleViolation;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.race.RaceCommands.*;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.domain.participant.Outcome;
import com.speedfog.racing.gateway.GatewayTestBase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A whole race through the real command gateway on PostgreSQL, from creation to automatic finish. */
class RaceLifecycleTest extends GatewayTestBase {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRaceRunsFromCreationToAutomaticFinish() {
        RaceDriver driver = new RaceDriver(commands, eventStore);
        UUID race = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        Actor organizer = RaceDriver.ORGANIZER;

        commands.sendAndWait(new CreateRace(race, "Integration race", "standard", "seed-1", RaceConfig.defaults(), organizer));
        commands.sendAndWait(new RegisterParticipant(race, alice, "user-alice", "Alice", organizer));
        commands.sendAndWait(new RegisterParticipant(race, bob, "user-bob", "Bob", organizer));
        commands.sendAndWait(new OpenRace(race, organizer));
        assertThat(driver.sendWhenReady(new MarkReady(alice, "a-ready"))).isEqualTo(Outcome.APPLIED);
        assertThat(driver.sendWhenReady(new MarkReady(bob, "b-ready"))).isEqualTo(Outcome.APPLIED);

        assertThatThrownBy(() -> commands.sendAndWait(new ReportStatus(alice, 1000, 0, "too-early")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("race_not_running"));

        Instant startAt = Instant.now().plusSeconds(2);
        commands.sendAndWait(new ScheduleStart(race, startAt, organizer));
        RaceStarted started = driver.awaitEvent(race, RaceStarted.class, Duration.ofSeconds(20));
        assertThat(started.startedAt()).isAfterOrEqualTo(startAt);

        driver.sendWhenReady(new EnterZone(alice, "stormveil_db4a", 1, 60_000, "a-1"));
        assertThat(commands.<Object>sendAndWait(new EnterZone(alice, "stormveil_db4a", 1, 60_000, "a-1")))
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(commands.<Object>sendAndWait(new ReportStatus(alice, 61_000, 0, "a-2"))).isEqualTo(Outcome.UNCHANGED);
        assertThat(commands.<Object>sendAndWait(new ReportStatus(alice, 62_000, 1, "a-3"))).isEqualTo(Outcome.APPLIED);
        driver.sendWhenReady(new EnterZone(bob, "academy_d5a9", 1, 50_000, "b-1"));
        commands.sendAndWait(new FinishRun(alice, 3_000_000, "a-fin"));
        commands.sendAndWait(new Abandon(bob, Actor.user("user-bob")));

        RaceFinished finished = driver.awaitEvent(race, RaceFinished.class, Duration.ofSeconds(20));
        assertThat(finished.forcedBy()).isNull();

        assertThat(driver.payloads(race)).extracting(p -> (Class) p.getClass()).containsExactly(
                RaceCreated.class, ParticipantRegistered.class, ParticipantRegistered.class, RaceOpened.class,
                RaceStartScheduled.class, RaceStarted.class, RaceFinished.class);
        assertThat(driver.payloads(alice)).extracting(p -> (Class) p.getClass()).containsExactly(
                ParticipantCreated.class, ParticipantReady.class, RunBegun.class, ZoneEntered.class,
                StatusCheckpointed.class, ParticipantFinished.class);
        assertThat(driver.payloads(bob)).extracting(p -> (Class) p.getClass()).containsExactly(
                ParticipantCreated.class, ParticipantReady.class, RunBegun.class, ZoneEntered.class,
                ParticipantAbandoned.class);

        // The store's global order agrees with each aggregate's own sequence.
        List<String> raceOrder = jdbc.queryForList("select sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by global_index", String.class, race.toString());
        assertThat(raceOrder).containsExactly("0", "1", "2", "3", "4", "5", "6");
        List<? extends DomainEventMessage<?>> raw = eventStore.readEvents(alice.toString()).asStream().toList();
        assertThat(raw).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void snapshotsAreTakenForLongRuns() {
        RaceDriver driver = new RaceDriver(commands, eventStore);
        UUID race = UUID.randomUUID();
        UUID player = UUID.randomUUID();
        commands.sendAndWait(new CreateRace(race, "Long race", "standard", "seed-1", RaceConfig.defaults(), RaceDriver.ORGANIZER));
        commands.sendAndWait(new RegisterParticipant(race, player, "user-long", "Long", RaceDriver.ORGANIZER));
        commands.sendAndWait(new ScheduleStart(race, Instant.now().plusMillis(1500), RaceDriver.ORGANIZER));
        driver.awaitEvent(race, RaceStarted.class, Duration.ofSeconds(20));
        driver.sendWhenReady(new ReportStatus(player, 1_000, 1, "d-1"));
        for (int death = 2; death <= 120; death++) {
            commands.sendAndWait(new ReportStatus(player, death * 1_000L, death, "d-" + death));
        }
        Integer snapshots = jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Integer.class, player.toString());
        assertThat(snapshots).isPositive();
        // Loading from the snapshot keeps the rules: the IGT high-water mark survived.
        assertThatThrownBy(() -> commands.sendAndWait(new ReportStatus(player, 1_000, 121, "late")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("igt_backwards"));
    }
}
