package com.speedfog.racing.projections.timeline;

import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.projections.ProjectionHarness;
import com.speedfog.racing.query.timeline.TimelineEntry;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TimelineProjectionTest {

    @Test
    void everyEventInOrderWithTimeIgtAndASentence() {
        JdbcTemplate jdbc = ProjectionHarness.freshDatabase();
        UUID race = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        Instant go = Instant.parse("2030-05-01T19:00:00Z");
        new ProjectionHarness(new TimelineProjection(jdbc)).given(
                new RaceCreated(race, "Friday race", "org-1", "standard", "seed-7", RaceConfig.defaults()),
                new ParticipantRegistered(race, alice, "user-a", "Alice", false),
                new ParticipantCreated(alice, race, "user-a", "Alice", "org-1"),
                new ModTokenAssigned(alice, race, "secret-hash"),
                new RaceStartScheduled(race, go),
                new RaceStarted(race, go),
                new RunBegun(alice, race, go),
                new ZoneEntered(alice, race, "stormveil_db4a", 3, 3, 754_321, 2, "z1"),
                new ParticipantFinished(alice, race, 3_723_004, 9, "f"),
                new RaceFinished(race, null));

        List<TimelineEntry> timeline = new TimelineReadModel(jdbc).timeline(race);
        assertThat(timeline).extracting(TimelineEntry::type).containsExactly("RaceCreated", "ParticipantRegistered",
                "ParticipantCreated", "RaceStartScheduled", "RaceStarted", "RunBegun", "ZoneEntered",
                "ParticipantFinished", "RaceFinished");
        assertThat(timeline).extracting(TimelineEntry::sequence).isSorted();
        TimelineEntry zone = timeline.get(6);
        assertThat(zone.description()).isEqualTo("Alice entered stormveil_db4a (layer 3) at 0:12:34.321");
        assertThat(zone.igtMs()).isEqualTo(754_321L);
        assertThat(zone.participantId()).isEqualTo(alice);
        assertThat(zone.at()).isEqualTo(ProjectionHarness.T0.plusSeconds(8));
        assertThat(zone.data()).contains("\"nodeId\": \"stormveil_db4a\"");
        assertThat(timeline.get(7).description()).isEqualTo("Alice finished in 1:02:03.004 with 9 deaths");
        assertThat(timeline.get(8).description()).isEqualTo("Race finished: every run is done");
        assertThat(timeline).noneMatch(e -> e.data().contains("secret-hash"));
    }

    /**
     * On the JPA store an event can commit after a later one: its token then still names the later
     * event's index. The timeline must keep it, at its own place in the store.
     */
    @Test
    void anEventThatFillsAGapKeepsItsOwnPlace() throws Exception {
        JdbcTemplate jdbc = ProjectionHarness.freshDatabase();
        jdbc.execute("create table domain_event_entry (global_index bigint primary key, event_identifier varchar(255) unique)");
        UUID race = UUID.randomUUID();
        AnnotationEventHandlerAdapter timeline = new AnnotationEventHandlerAdapter(new TimelineProjection(jdbc));

        // Index 5 is seen first (gap at 4), then 4 commits: its token is (5, no gaps).
        deliver(timeline, jdbc, new RaceCreated(race, "Gap race", "org-1", "standard", "seed-7", RaceConfig.defaults()),
                3, GapAwareTrackingToken.newInstance(3, List.of()));
        deliver(timeline, jdbc, new RaceStartScheduled(race, Instant.parse("2030-05-01T19:00:00Z")),
                5, GapAwareTrackingToken.newInstance(5, List.of(4L)));
        deliver(timeline, jdbc, new RaceOpened(race), 4, GapAwareTrackingToken.newInstance(5, List.of()));

        assertThat(new TimelineReadModel(jdbc).timeline(race)).extracting(TimelineEntry::sequence, TimelineEntry::type)
                .containsExactly(tuple(3L, "RaceCreated"), tuple(4L, "RaceOpened"), tuple(5L, "RaceStartScheduled"));
    }

    private static void deliver(AnnotationEventHandlerAdapter handler, JdbcTemplate jdbc, Object event, long globalIndex,
                                TrackingToken token) throws Exception {
        EventMessage<Object> message = GenericEventMessage.asEventMessage(event);
        jdbc.update("insert into domain_event_entry (global_index, event_identifier) values (?, ?)", globalIndex,
                message.getIdentifier());
        ProjectionHarness.asOneBatch(() -> handler.handle(new GenericTrackedEventMessage<>(token, message)));
    }
}
