package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.race.RaceDriver;
import com.speedfog.racing.gateway.race.RacePlay;
import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardEntry;
import com.speedfog.racing.query.leaderboard.LeaderboardQueries.GetLeaderboard;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceDetail;
import com.speedfog.racing.query.race.RacePage;
import com.speedfog.racing.query.race.RaceQueries.*;
import com.speedfog.racing.query.timeline.TimelineEntry;
import com.speedfog.racing.query.timeline.TimelineQueries.GetTimeline;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side answering from the read models through the real query bus. */
class RaceQueriesTest extends GatewayTestBase {

    @Autowired
    QueryGateway queries;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionRebuilder rebuilder;

    @Test
    void viewsOfARaceInProgress() {
        RacePlay race = new RacePlay(new RaceDriver(commands, eventStore), 3)
                .start(new RaceConfig(false, 8, 10, true, false));
        race.run(0, 3, true);
        race.run(1, 2, false);
        ProjectionWaits.awaitCaughtUp(rebuilder);

        RaceDetail detail = queries.query(new FindRace(race.raceId), RaceDetail.class).join();
        assertThat(detail.race().status()).isEqualTo("running");
        assertThat(detail.participants()).extracting(ParticipantView::status).containsExactly("finished", "abandoned", "playing");

        String stillRacing = detail.participants().get(2).userId();
        Leaderboard forRacer = queries.query(new GetLeaderboard(race.raceId, stillRacing), Leaderboard.class).join();
        Leaderboard forSpectator = queries.query(new GetLeaderboard(race.raceId, null), Leaderboard.class).join();
        assertThat(forSpectator.participants()).extracting(LeaderboardEntry::name).containsExactly("Player1", "Player3", "Player2");
        assertThat(forRacer.participants()).extracting(LeaderboardEntry::name).containsExactly(null, "Player3", "Player2");

        List<ParticipantView> spectators = queries.query(new GetSpectatorState(race.raceId),
                ResponseTypes.multipleInstancesOf(ParticipantView.class)).join();
        assertThat(spectators.get(0).zoneHistory()).extracting(v -> v.nodeId())
                .containsExactly(null, "node_1", "node_2", "node_1", "node_2", "node_3");

        List<TimelineEntry> timeline = queries.query(new GetTimeline(race.raceId),
                ResponseTypes.multipleInstancesOf(TimelineEntry.class)).join();
        assertThat(timeline.get(0).type()).isEqualTo("RaceCreated");
        assertThat(timeline).extracting(TimelineEntry::sequence).isSorted();
        assertThat(timeline).extracting(TimelineEntry::description)
                .anyMatch(d -> d.matches("Player1 finished in 0:0\\d:\\d\\d\\.000 with 1 deaths"))
                .anyMatch(d -> d.startsWith("Player2 abandoned at "));

        RacePage running = queries.query(new ListRaces("running", true, 0, 100), RacePage.class).join();
        assertThat(running.races()).extracting(r -> r.id()).contains(race.raceId);
        RacePage finished = queries.query(new ListRaces("finished", true, 0, 100), RacePage.class).join();
        assertThat(finished.races()).extracting(r -> r.id()).doesNotContain(race.raceId);

        assertThat(queries.query(new FindRace(UUID.randomUUID()), RaceDetail.class).join()).isNull();
    }
}
