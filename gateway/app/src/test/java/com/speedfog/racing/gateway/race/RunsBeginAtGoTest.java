package com.speedfog.racing.gateway.race;

import com.speedfog.racing.command.participant.ParticipantCommands.BeginRunAtGo;
import com.speedfog.racing.command.participant.ParticipantEvents.RunBegun;
import com.speedfog.racing.command.race.RaceCommands.CreateRace;
import com.speedfog.racing.command.race.RaceCommands.RegisterParticipant;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.RaceStarted;
import com.speedfog.racing.gateway.GatewayTestBase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The GO moment is the domain's: a run is begun at a player's word only once their race has started. */
class RunsBeginAtGoTest extends GatewayTestBase {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;

    @Test
    void aRunBeginsAtGoOnlyOnceTheRaceHasStartedAndOnlyForItsRoster() {
        RaceDriver driver = new RaceDriver(commands, eventStore);
        UUID raceId = UUID.randomUUID();
        UUID player = UUID.randomUUID();
        commands.sendAndWait(new CreateRace(raceId, "At GO", "standard", "seed-1", RaceConfig.defaults(), RaceDriver.ORGANIZER));
        commands.sendAndWait(new RegisterParticipant(raceId, player, "user-go-" + raceId, "Goer", RaceDriver.ORGANIZER));
        assertThat((Boolean) commands.sendAndWait(new BeginRunAtGo(player, raceId))).as("before the start").isFalse();

        RacePlay other = new RacePlay(driver, 1).start(RaceConfig.defaults());
        assertThat((Boolean) commands.sendAndWait(new BeginRunAtGo(player, other.raceId))).as("another race's roster").isFalse();

        RaceStarted started = driver.awaitEvent(other.raceId, RaceStarted.class, Duration.ofSeconds(20));
        UUID racer = other.players.get(0);
        assertThat((Boolean) driver.sendWhenReady(new BeginRunAtGo(racer, other.raceId))).isTrue();
        // Whether the saga or the player came first, the run began once, at the race's start.
        driver.awaitEvent(racer, RunBegun.class, Duration.ofSeconds(20));
        assertThat((Boolean) commands.sendAndWait(new BeginRunAtGo(racer, other.raceId))).isTrue();
        assertThat(driver.payloads(racer).stream().filter(RunBegun.class::isInstance).map(RunBegun.class::cast))
                .singleElement().extracting(RunBegun::startedAt).isEqualTo(started.startedAt());
    }
}
