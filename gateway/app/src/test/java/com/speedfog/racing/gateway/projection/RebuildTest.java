package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.speedfog.racing.query.readmodel.RebuildProgress;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.race.RaceDriver;
import com.speedfog.racing.gateway.race.RacePlay;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model, thrown away and replayed from the event store, equals the live one row by row.
 * Its own context and database: events that other tests' races still produce (sockets closing, late
 * saga commands) would otherwise land between the two snapshots.
 */
@org.springframework.test.context.TestPropertySource(properties = "test.context=rebuild")
class RebuildTest extends GatewayTestBase {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelRebuild rebuilder;

    Map<String, List<Map<String, Object>>> dump() {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Map<String, List<Map<String, Object>>>>) ReadTables::dump);
    }

    @Test
    void aRebuiltRaceEqualsTheLiveOne() {
        RaceDriver driver = new RaceDriver(commands, eventStore);
        RacePlay race = new RacePlay(driver, 8).start(new RaceConfig(false, 8, 10, true, false));
        for (int i = 0; i < 8; i++) {
            race.run(i, 3 + i % 4, i != 5);
        }
        race.awaitFinish();
        ProjectionWaits.awaitCaughtUp(rebuilder);

        Map<String, List<Map<String, Object>>> live = dump();
        assertThat(live.get("participant_view")).filteredOn(r -> race.raceId.equals(r.get("race_id"))).hasSize(8);
        assertThat(live.get("zone_visit")).filteredOn(r -> race.raceId.equals(r.get("race_id"))).hasSizeGreaterThan(8 * 5);
        assertThat(live.get("race_timeline")).filteredOn(r -> race.raceId.equals(r.get("race_id"))).hasSizeGreaterThan(100);

        RebuildProgress started = rebuilder.rebuild();
        assertThat(started.groups()).extracting(RebuildProgress.Group::group)
                .containsExactly("race-views", "race-timeline");
        ProjectionWaits.awaitRebuilt(rebuilder);

        Map<String, List<Map<String, Object>>> rebuilt = dump();
        ReadTables.TABLES.keySet().forEach(table -> {
            List<Map<String, Object>> before = live.get(table);
            List<Map<String, Object>> after = rebuilt.get(table);
            assertThat(after).as(table + " row count").hasSameSizeAs(before);
            for (int row = 0; row < before.size(); row++) {
                assertThat(after.get(row)).as(table + " row " + row).isEqualTo(before.get(row));
            }
        });
    }
}
