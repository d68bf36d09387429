package com.speedfog.racing.projections.timeline;

import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.projections.ProjectionHarness;
import com.speedfog.racing.query.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
}
