package com.speedfog.racing.gateway.live;

import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.speedfog.racing.command.participant.ParticipantCommands.EnterZone;
import com.speedfog.racing.command.participant.ParticipantCommands.ReportStatus;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.race.RaceDriver;
import com.speedfog.racing.gateway.race.RacePlay;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceUpdate;
import com.speedfog.racing.query.viewer.Sight;
import com.speedfog.racing.query.viewer.Viewer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Live push: one subscription per race, every listener gets the snapshot and then each change in order. */
class RaceFeedHubTest extends GatewayTestBase {

    @Autowired
    RaceFeedHub hub;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    ReadModelRebuild rebuilder;

    static final class Recorder implements RaceFeedHub.Listener {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @Override
        public void onSnapshot(RaceSnapshot snapshot, Sight sight) {
            received.add(snapshot);
        }

        @Override
        public void onUpdate(RaceFeedHub.SeenUpdate update, Sight sight) {
            received.add(update.update());
        }

        List<String> zonesOf(UUID participant) {
            return received.stream().filter(RaceUpdate.ParticipantChanged.class::isInstance)
                    .map(u -> ((RaceUpdate.ParticipantChanged) u).participant())
                    .filter(p -> p.id().equals(participant)).map(ParticipantView::currentZone)
                    .filter(z -> z != null).distinct().toList();
        }
    }

    @Test
    void everyListenerGetsTheSnapshotThenEveryChangeInOrder() {
        RaceDriver driver = new RaceDriver(commands, eventStore);
        RacePlay race = new RacePlay(driver, 2).start(RaceConfig.defaults());
        UUID alice = race.players.get(0);
        com.speedfog.racing.gateway.projection.ProjectionWaits.awaitCaughtUp(rebuilder);

        Recorder first = new Recorder();
        Recorder second = new Recorder();
        RaceFeedHub.Registration r1 = hub.listen(race.raceId, Viewer.ANONYMOUS, first);
        RaceFeedHub.Registration r2 = hub.listen(race.raceId, Viewer.ANONYMOUS, second);
        assertThat(hub.listenerCount(race.raceId)).isEqualTo(2);
        assertThat(first.received.get(0)).isInstanceOfSatisfying(RaceSnapshot.class, s -> {
            assertThat(s.detail().race().status()).isEqualTo("running");
            assertThat(s.detail().participants()).hasSize(2);
            assertThat(s.leaderboard().participants()).hasSize(2);
        });

        for (int layer = 1; layer <= 5; layer++) {
            driver.sendWhenReady(new EnterZone(alice, "node_" + layer, layer, layer * 60_000L, "z" + layer));
        }
        commands.sendAndWait(new ReportStatus(alice, 330_000, 1, "death"));

        await().atMost(Duration.ofSeconds(20)).until(() -> first.zonesOf(alice).size() == 5 && second.zonesOf(alice).size() == 5);
        assertThat(first.zonesOf(alice)).containsExactly("node_1", "node_2", "node_3", "node_4", "node_5");
        assertThat(second.zonesOf(alice)).containsExactly("node_1", "node_2", "node_3", "node_4", "node_5");
        await().atMost(Duration.ofSeconds(20)).until(() -> first.received.stream()
                .filter(RaceUpdate.ParticipantChanged.class::isInstance)
                .anyMatch(u -> ((RaceUpdate.ParticipantChanged) u).participant().deathCount() == 1));
        RaceUpdate.LeaderboardChanged lastBoard = first.received.stream()
                .filter(RaceUpdate.LeaderboardChanged.class::isInstance).map(RaceUpdate.LeaderboardChanged.class::cast)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(lastBoard.leaderboard().participants().get(0).participantId()).isEqualTo(alice);
        assertThat(lastBoard.leaderboard().leaderSplits()).containsKey(5);

        r1.close();
        assertThat(hub.listenerCount(race.raceId)).isEqualTo(1);
        r2.close();
        assertThat(hub.listenerCount(race.raceId)).isZero();
    }
}
