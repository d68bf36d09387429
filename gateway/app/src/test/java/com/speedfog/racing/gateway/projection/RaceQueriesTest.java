package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.query.readmodel.ReadModelRebuild;
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
import com.speedfog.racing.query.timeline.TimelinePage;
import com.speedfog.racing.query.viewer.Viewer;
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
    ReadModelRebuild rebuilder;

    @Test
    void viewsOfARaceInProgress() {
        RacePlay race = new RacePlay(new RaceDriver(commands, eventStore), 3)
                .start(new RaceConfig(false, 8, 10, true, false));
        race.run(0, 3, true);
        race.run(1, 2, false);
        ProjectionWaits.awaitCaughtUp(rebuilder);

        RaceDetail detail = queries.query(new FindRace(race.raceId, Viewer.ANONYMOUS), RaceDetail.class).join();
        assertThat(detail.race().status()).isEqualTo("running");
        assertThat(detail.participants()).extracting(ParticipantView::status).containsExactly("finished", "abandoned", "playing");
        assertThat(detail.participants().get(0).zoneHistory()).extracting(v -> v.nodeId())
                .containsExactly(null, "node_1", "node_2", "node_1", "node_2", "node_3");

        Viewer stillRacing = Viewer.user(detail.participants().get(2).userId());
        Viewer finisher = Viewer.user(detail.participants().get(0).userId());
        Leaderboard forRacer = queries.query(new GetLeaderboard(race.raceId, stillRacing), Leaderboard.class).join();
        Leaderboard forSpectator = queries.query(new GetLeaderboard(race.raceId, Viewer.ANONYMOUS), Leaderboard.class).join();
        Leaderboard forFinisher = queries.query(new GetLeaderboard(race.raceId, finisher), Leaderboard.class).join();
        assertThat(forSpectator.participants()).extracting(LeaderboardEntry::name).containsExactly("Player1", "Player3", "Player2");
        assertThat(forFinisher.participants()).extracting(LeaderboardEntry::name).containsExactly("Player1", "Player3", "Player2");
        assertThat(forRacer.participants()).extracting(LeaderboardEntry::name).containsExactly(null, "Player3", "Player2");

        // A player still racing: nobody's positions, no finisher's name, no rival's zone entry or finish.
        RaceDetail racerDetail = queries.query(new FindRace(race.raceId, stillRacing), RaceDetail.class).join();
        assertThat(racerDetail.participants()).allSatisfy(p -> {
            assertThat(p.zoneHistory()).isEmpty();
            assertThat(p.currentZone()).isNull();
        });
        assertThat(racerDetail.participants()).extracting(ParticipantView::displayName).containsExactly(null, "Player2", "Player3");
        assertThat(queries.query(new FindRace(race.raceId, finisher), RaceDetail.class).join().participants().get(0).zoneHistory())
                .hasSize(6);

        TimelinePage timeline = queries.query(GetTimeline.first(race.raceId, Viewer.ANONYMOUS), TimelinePage.class).join();
        assertThat(timeline.next()).isNull();
        assertThat(timeline.entries().get(0).type()).isEqualTo("RaceCreated");
        assertThat(timeline.entries()).extracting(TimelineEntry::sequence).isSorted();
        assertThat(timeline.entries()).extracting(TimelineEntry::description)
                .anyMatch(d -> d.matches("Player1 finished in 0:0\\d:\\d\\d\\.000 with 1 deaths"))
                .anyMatch(d -> d.startsWith("Player2 abandoned at "));
        TimelinePage racerTimeline = queries.query(GetTimeline.first(race.raceId, stillRacing), TimelinePage.class).join();
        UUID racerId = racerDetail.participants().get(2).id();
        assertThat(racerTimeline.entries()).noneMatch(e -> !racerId.equals(e.participantId())
                && (e.type().equals("ZoneEntered") || e.type().equals("ParticipantFinished")));
        assertThat(racerTimeline.entries()).extracting(TimelineEntry::type).contains("RaceCreated", "ParticipantAbandoned");

        // Paged: the same entries, a page at a time.
        List<TimelineEntry> paged = new java.util.ArrayList<>();
        GetTimeline page = new GetTimeline(race.raceId, Viewer.ANONYMOUS, -1, 5);
        while (true) {
            TimelinePage answer = queries.query(page, TimelinePage.class).join();
            paged.addAll(answer.entries());
            if (answer.next() == null) {
                break;
            }
            page = new GetTimeline(race.raceId, Viewer.ANONYMOUS, answer.next(), 5);
        }
        assertThat(paged).isEqualTo(timeline.entries());

        RacePage running = queries.query(new ListRaces("running", 0, 100, Viewer.ANONYMOUS), RacePage.class).join();
        assertThat(running.races()).extracting(r -> r.id()).contains(race.raceId);
        RacePage finished = queries.query(new ListRaces("finished", 0, 100, Viewer.ANONYMOUS), RacePage.class).join();
        assertThat(finished.races()).extracting(r -> r.id()).doesNotContain(race.raceId);

        assertThat(queries.query(new FindRace(UUID.randomUUID(), Viewer.ANONYMOUS), RaceDetail.class).join()).isNull();
    }
}
