package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.command.participant.ParticipantCommands.EnterZone;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.RaceCreated;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.race.RaceDriver;
import com.speedfog.racing.gateway.race.RacePlay;
import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.speedfog.racing.query.readmodel.RebuildProgress;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every read model, replayed from the event store into new tables, equals the live one row by row; the new
 * tables take over only once caught up, while races go on; a failed rebuild leaves the live tables serving.
 * Its own context and database: events that other tests' races still produce (sockets closing, late saga
 * commands) would otherwise land between the two snapshots.
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
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ReadModelRebuild rebuilder;
    @Autowired
    EventProcessingConfiguration processing;

    Map<String, List<Map<String, Object>>> dump() {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Map<String, List<Map<String, Object>>>>) ReadTables::dump);
    }

    static void assertSameRows(Map<String, List<Map<String, Object>>> actual, Map<String, List<Map<String, Object>>> expected) {
        ReadTables.TABLES.keySet().forEach(table -> {
            List<Map<String, Object>> before = expected.get(table);
            List<Map<String, Object>> after = actual.get(table);
            assertThat(after).as(table + " row count").hasSameSizeAs(before);
            for (int row = 0; row < before.size(); row++) {
                assertThat(after.get(row)).as(table + " row " + row).isEqualTo(before.get(row));
            }
        });
    }

    Map<String, List<Map<String, Object>>> quietRebuild() {
        ProjectionWaits.awaitCaughtUp(rebuilder);
        Map<String, List<Map<String, Object>>> live = dump();
        rebuilder.rebuild();
        ProjectionWaits.awaitRebuilt(rebuilder);
        return live;
    }

    int participants(UUID race) {
        return jdbc.queryForObject("select count(*) from participant_view where race_id = ?", Integer.class, race);
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
        assertThat(started.rebuild().groups()).containsExactly("race-views", "race-timeline");
        ProjectionWaits.awaitRebuilt(rebuilder);
        assertSameRows(dump(), live);
        RebuildProgress.Run view = rebuilder.progress().rebuild();
        assertThat(view.replayed()).as("events replayed").isGreaterThanOrEqualTo(live.get("race_timeline").size());
        assertThat(view.rate()).as("rate").isPositive();
        assertThat(view.secondsLeft()).isZero();
    }

    @Test
    void theNewTablesTakeOverOnlyOnceCaughtUpWhileARaceGoesOn() throws Exception {
        RaceDriver driver = new RaceDriver(commands, eventStore);
        RacePlay finished = new RacePlay(driver, 3).start(RaceConfig.defaults());
        finished.run(0, 3, true).run(1, 2, true).run(2, 1, false).awaitFinish();
        RacePlay running = new RacePlay(driver, 4).start(RaceConfig.defaults());
        ProjectionWaits.awaitCaughtUp(rebuilder);
        int timelineRows = jdbc.queryForObject("select count(*) from race_timeline where race_id = ?", Integer.class, finished.raceId);

        // Readers all through the rebuild: they never see a half-built table.
        AtomicBoolean reading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                int shown = participants(finished.raceId);
                int rows = jdbc.queryForObject("select count(*) from race_timeline where race_id = ?", Integer.class, finished.raceId);
                if (shown != 3 || rows < timelineRows || participants(running.raceId) != 4) {
                    seen.add("participants " + shown + ", timeline rows " + rows + ", running race " + participants(running.raceId));
                }
            }
        }, "reader");
        reader.start();
        try (Connection liveBatch = dataSource.getConnection()) {
            // A live batch of race-views in flight holds its generation lock: the switch must wait for it.
            liveBatch.setAutoCommit(false);
            try (PreparedStatement lock = liveBatch.prepareStatement(
                    "select pg_advisory_xact_lock_shared(hashtext('speedfog-read-model-generation'), hashtext('race-views'))")) {
                lock.execute();
            }
            rebuilder.rebuild();
            await("race-views waiting to switch").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> rebuilder.progress().rebuild().state() == RebuildProgress.State.SWITCHING);
            // Players go on meanwhile: their events reach the live tables, and the new ones before they take over.
            for (int i = 0; i < 4; i++) {
                UUID p = running.players.get(i);
                commands.sendAndWait(new EnterZone(p, "node_1", 1, 70_000L + i, p + "-z1"));
            }
            assertThat(rebuilder.progress().rebuilt()).as("switched while a live batch held the old tables").isFalse();
            liveBatch.commit();
        }
        ProjectionWaits.awaitRebuilt(rebuilder);
        running.run(0, 2, true).run(1, 1, true).run(2, 3, true).run(3, 1, false).awaitFinish();
        ProjectionWaits.awaitCaughtUp(rebuilder);
        reading.set(false);
        reader.join();
        assertThat(seen).as("what readers saw during the rebuild").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from zone_visit where race_id = ? and node_id = 'node_1'", Integer.class,
                running.raceId)).as("zones entered while the rebuild switched").isGreaterThanOrEqualTo(4);

        // What the rebuilt tables went on to hold equals a quiet replay of the same store.
        Map<String, List<Map<String, Object>>> live = quietRebuild();
        assertSameRows(dump(), live);
    }

    @Test
    void aReadModelAddedLaterStartsAtTheHeadAndIsBuiltFromTheWholeStore() {
        RaceDriver driver = new RaceDriver(commands, eventStore);
        RacePlay race = new RacePlay(driver, 3).start(RaceConfig.defaults());
        race.run(0, 2, true).run(1, 3, true).run(2, 1, true).awaitFinish();
        ProjectionWaits.awaitCaughtUp(rebuilder);
        Map<String, List<Map<String, Object>>> live = dump();

        // As if the timeline were a read model just added to a running platform: no token, empty tables.
        StreamingEventProcessor timeline = processing.eventProcessor("race-timeline", StreamingEventProcessor.class).orElseThrow();
        timeline.shutDown();
        jdbc.update("delete from token_entry where processor_name = 'race-timeline'");
        jdbc.execute("truncate race_timeline, timeline_participant");
        timeline.start();
        await("the new processor at the head").atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from token_entry where processor_name = 'race-timeline'", Integer.class) > 0);
        assertThat(jdbc.queryForObject("select count(*) from race_timeline", Integer.class))
                .as("the live processor does not replay the store into live tables").isZero();

        rebuilder.rebuild(List.of("race-timeline")); // what the gateway does at start for a group with no token
        ProjectionWaits.awaitRebuilt(rebuilder);
        ProjectionWaits.awaitCaughtUp(rebuilder);
        assertSameRows(dump(), live);
    }

    @Test
    void aFailedRebuildLeavesTheLiveTablesServing() {
        RaceDriver driver = new RaceDriver(commands, eventStore);
        RacePlay race = new RacePlay(driver, 2).start(RaceConfig.defaults());
        race.run(0, 2, true).run(1, 2, true).awaitFinish();
        // A stored event the race view cannot take (a second creation of the same race, under another aggregate):
        // it stands for any projection bug. Live, it is parked; a replay stops on it.
        String poison = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>("Race", poison, 0,
                new RaceCreated(race.raceId, "Impostor", "organizer-1", "standard", "seed-1", RaceConfig.defaults()))));
        try {
            await("the poison parked").atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from dead_letter_entry where processing_group = 'race-views'", Integer.class) > 0);
            ProjectionWaits.awaitCaughtUp(rebuilder);
            Map<String, List<Map<String, Object>>> live = dump();

            rebuilder.rebuild();
            await("the rebuild failed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> rebuilder.progress().failed());
            RebuildProgress.Run view = rebuilder.progress().rebuild();
            assertThat(view.error()).contains("race-views failed on event").contains("RaceCreated");
            assertThat(rebuilder.progress().rebuilt()).isFalse();
            assertSameRows(dump(), live);
            assertThat(jdbc.queryForObject("select count(*) from information_schema.schemata where schema_name like 'rebuild_%'",
                    Integer.class)).as("unfinished tables dropped").isZero();
            assertThat(jdbc.queryForObject("select name from race_view where race_id = ?", String.class, race.raceId))
                    .isEqualTo("Race of 2");
        } finally {
            // Take the poison out again, with what it left, so this context's other rebuilds replay a sound store.
            Long index = jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ?",
                    Long.class, poison);
            jdbc.update("delete from race_timeline where sequence = ?", index);
            jdbc.update("delete from dead_letter_entry");
            jdbc.update("delete from domain_event_entry where global_index = ?", index);
        }
    }
}
