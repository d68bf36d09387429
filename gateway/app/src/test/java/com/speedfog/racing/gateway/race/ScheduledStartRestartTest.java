package com.speedfog.racing.gateway.race;

import com.speedfog.racing.command.race.RaceCommands.CreateRace;
import com.speedfog.racing.command.race.RaceCommands.RegisterParticipant;
import com.speedfog.racing.command.race.RaceCommands.ScheduleStart;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.RaceStarted;
import com.speedfog.racing.domain.race.Race;
import com.speedfog.racing.gateway.SpeedFogGatewayApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on its zero-configuration default (embedded PostgreSQL in a data folder), stopped and
 * started again: the data is still there and a scheduled start still fires.
 */
class ScheduledStartRestartTest {

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext boot() {
        SpeedFogGatewayApplication.disableUpdateChecker();
        return new SpringApplicationBuilder(SpeedFogGatewayApplication.class)
                .run("--server.port=0", "--speedfog.embedded-database.data-dir=" + dataDir,
                        "--speedfog.pools.root=" + dataDir.resolve("pools"));
    }

    UUID scheduleRace(ConfigurableApplicationContext app, Instant startAt) {
        CommandGateway commands = app.getBean(CommandGateway.class);
        UUID race = UUID.randomUUID();
        commands.sendAndWait(new CreateRace(race, "Restart race", "standard", "seed-1", RaceConfig.defaults(), RaceDriver.ORGANIZER));
        commands.sendAndWait(new RegisterParticipant(race, UUID.randomUUID(), "user-a", "Alice", RaceDriver.ORGANIZER));
        commands.sendAndWait(new ScheduleStart(race, startAt, RaceDriver.ORGANIZER));
        return race;
    }

    RaceDriver driver(ConfigurableApplicationContext app) {
        return new RaceDriver(app.getBean(CommandGateway.class), app.getBean(EventStore.class));
    }

    @Test
    void aStartScheduledBeforeARestartFiresOnTime() {
        long bootStarted = System.nanoTime();
        ConfigurableApplicationContext first = boot();
        Duration firstBoot = Duration.ofNanos(System.nanoTime() - bootStarted);
        assertHealthy(first);
        // Far enough ahead that the restart is surely done before it, even on a loaded machine: the first
        // (cold) boot's time says how slow this machine is right now, and a restart is a warm boot.
        Instant startAt = Instant.now().plusSeconds(12).plus(firstBoot);
        UUID race = scheduleRace(first, startAt);
        first.close();

        ConfigurableApplicationContext second = boot();
        try {
            assertThat(Instant.now()).as("restarted before the start was due").isBefore(startAt);
            RaceStarted started = driver(second).awaitEvent(race, RaceStarted.class, Duration.ofSeconds(30));
            assertThat(started.startedAt()).isEqualTo(startAt);
            assertThat(Instant.now()).isBefore(startAt.plusSeconds(5));
            assertThat(driver(second).payloads(race)).filteredOn(RaceStarted.class::isInstance).hasSize(1);
        } finally {
            second.close();
        }
    }

    @Test
    void aStartMissedWhileDownFiresOnceAtTheRestart() throws InterruptedException {
        ConfigurableApplicationContext first = boot();
        // Far enough ahead that the first server is surely down before the start comes due (a stop takes
        // about a second; 8 leave room for a loaded machine).
        Instant startAt = Instant.now().plusSeconds(8);
        UUID race = scheduleRace(first, startAt);
        first.close();
        assertThat(Instant.now()).as("the first server stopped before the start was due").isBefore(startAt);
        // Down past the start and its grace period: the start is missed, not merely late.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), startAt.plus(Race.START_GRACE)).toMillis()) + 1000);

        Instant restartedAt = Instant.now();
        ConfigurableApplicationContext second = boot();
        try {
            RaceStarted started = driver(second).awaitEvent(race, RaceStarted.class, Duration.ofSeconds(30));
            assertThat(started.startedAt()).isAfter(startAt).isAfterOrEqualTo(restartedAt);
            Thread.sleep(1000);
            assertThat(driver(second).payloads(race)).filteredOn(RaceStarted.class::isInstance).hasSize(1);
        } finally {
            second.close();
        }
    }

    static void assertHealthy(ConfigurableApplicationContext app) {
        int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        Map<String, Object> health = new RestTemplateBuilder().build()
                .getForObject("http://localhost:" + port + "/actuator/health", Map.class);
        assertThat(health).containsEntry("status", "UP");
    }
}
