package com.speedfog.racing.gateway.race;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.race.RaceCommands.*;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.RaceFinished;
import com.speedfog.racing.command.race.RaceEvents.RaceStarted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A whole race of N players through the command gateway: deaths, revisits, a lower-layer zone,
 * finishes and one abandon. Used wherever a test needs a realistic race in the store.
 */
public final class RacePlay {

    public final UUID raceId = UUID.randomUUID();
    public final List<UUID> players = new ArrayList<>();
    private final RaceDriver driver;

    public RacePlay(RaceDriver driver, int playerCount) {
        this.driver = driver;
        for (int i = 0; i < playerCount; i++) {
            players.add(UUID.randomUUID());
        }
    }

    public String name(int i) {
        return "Player" + (i + 1);
    }

    /** Creates, registers, readies and starts the race; returns once it runs. */
    public RacePlay start(RaceConfig config) {
        Actor organizer = RaceDriver.ORGANIZER;
        driver.commands().sendAndWait(new CreateRace(raceId, "Race of " + players.size(), "standard", "seed-1", config, organizer));
        for (int i = 0; i < players.size(); i++) {
            driver.commands().sendAndWait(new RegisterParticipant(raceId, players.get(i), "user-" + i + "-" + raceId, name(i), organizer));
        }
        driver.commands().sendAndWait(new OpenRace(raceId, organizer));
        for (UUID p : players) {
            driver.sendWhenReady(new MarkReady(p, "ready-" + p));
        }
        driver.commands().sendAndWait(new ScheduleStart(raceId, Instant.now().plusMillis(1200), organizer));
        driver.awaitEvent(raceId, RaceStarted.class, Duration.ofSeconds(20));
        return this;
    }

    /** Player i walks layers 1..layers, dying a little, revisiting once, then finishes (or abandons if last). */
    public RacePlay run(int i, int layers, boolean finish) {
        UUID p = players.get(i);
        long igt = 5_000L * (i + 1);
        int deaths = 0;
        for (int layer = 1; layer <= layers; layer++) {
            igt += 60_000 + 7_000L * i;
            driver.sendWhenReady(new EnterZone(p, "node_" + layer, layer, igt, p + "-z" + layer));
            if ((layer + i) % 3 == 0) {
                deaths++;
                driver.commands().sendAndWait(new ReportStatus(p, igt + 10_000, deaths, p + "-d" + layer));
                igt += 10_000;
            }
            if (layer == 2) {
                // back through a fog gate to a lower layer, and forward again
                driver.commands().sendAndWait(new EnterZone(p, "node_1", 1, igt + 5_000, p + "-back"));
                driver.commands().sendAndWait(new EnterZone(p, "node_2", 2, igt + 9_000, p + "-again"));
                igt += 9_000;
            }
        }
        if (finish) {
            driver.commands().sendAndWait(new FinishRun(p, igt + 30_000, p + "-fin"));
        } else {
            driver.commands().sendAndWait(new Abandon(p, Actor.user("user-" + i + "-" + raceId)));
        }
        return this;
    }

    public RaceFinished awaitFinish() {
        return driver.awaitEvent(raceId, RaceFinished.class, Duration.ofSeconds(30));
    }
}
