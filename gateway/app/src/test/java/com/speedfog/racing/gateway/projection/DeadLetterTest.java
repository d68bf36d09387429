package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.race.RaceCommands.CreateRace;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.gateway.GatewayTestBase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A projection that fails parks the event in the dead-letter queue and shows it in health. */
@TestPropertySource(properties = "test.context=dead-letters") // its own context: parked events must not leak
class DeadLetterTest extends GatewayTestBase {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void aFailedProjectionIsParkedAndVisible() {
        UUID race = UUID.randomUUID();
        // A row already there makes the projection's insert fail: a stand-in for any projection bug.
        jdbc.update("insert into race_view (race_id, name, organizer_id, seed_id, status, show_finished_names, "
                + "max_participants, countdown_seconds, public_race, open_registration, created_at) "
                + "values (?, 'squatter', 'x', 'x', 'DRAFT', true, 1, 10, true, false, now())", race);
        commands.sendAndWait(new CreateRace(race, "Doomed view", "standard", "seed-1", RaceConfig.defaults(),
                Actor.organizer("organizer-1")));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from dead_letter_entry where processing_group = 'race-views'", Integer.class) > 0);
        // This context's database holds no other race: the parked letter is this race's creation.
        String payloadType = jdbc.queryForObject("select payload_type from dead_letter_entry where processing_group = 'race-views'",
                String.class);
        assertThat(payloadType).endsWith("RaceCreated");
        String cause = jdbc.queryForObject("select cause_message from dead_letter_entry where processing_group = 'race-views'",
                String.class);
        assertThat(cause).contains("race_view");

        Map<?, ?> health = http.getForObject("/actuator/health", Map.class);
        Map<?, ?> projections = (Map<?, ?>) ((Map<?, ?>) health.get("components")).get("projections");
        Map<?, ?> details = (Map<?, ?>) projections.get("details");
        assertThat(((Map<?, ?>) details.get("dead_letters")).keySet()).extracting(Object::toString).contains("race-views");
        assertThat(details.get("attention")).isNotNull();
        // The event store still holds the event: nothing was lost.
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, race.toString())).isEqualTo(1);
    }
}
