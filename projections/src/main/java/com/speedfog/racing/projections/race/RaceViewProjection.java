package com.speedfog.racing.projections.race;

import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.ParticipantStatus;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.command.race.RaceStatus;
import com.speedfog.racing.projections.common.ProjectionGroups;
import com.speedfog.racing.query.race.RaceUpdate;
import com.speedfog.racing.query.race.RaceUpdatePublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds the race list and detail, the roster with each participant's state, zone history and layer
 * arrivals; after each change it tells the race's watchers what changed.
 */
@Component
@ProcessingGroup(ProjectionGroups.RACE_VIEWS)
public class RaceViewProjection {

    private final JdbcTemplate jdbc;
    private final RaceReadModel reads;
    private final RaceUpdatePublisher updates;

    public RaceViewProjection(JdbcTemplate jdbc, RaceReadModel reads, RaceUpdatePublisher updates) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.updates = updates;
    }

    @ResetHandler
    public void reset() {
        jdbc.execute("truncate race_view, participant_view, zone_visit, layer_arrival, mod_token");
    }

    // ---- race

    @EventHandler
    public void on(RaceCreated e, @Timestamp Instant at, ReplayStatus replay) {
        RaceConfig c = e.config();
        jdbc.update("insert into race_view (race_id, name, organizer_id, pool_name, seed_id, status, show_finished_names, "
                        + "max_participants, countdown_seconds, public_race, open_registration, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.raceId(), e.name(), e.organizerId(), e.poolName(), e.seedId(), RaceStatus.DRAFT.name(),
                c.showFinishedNames(), c.maxParticipants(), c.countdownSeconds(), c.publicRace(), c.openRegistration(),
                ts(at));
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceOpened e, ReplayStatus replay) {
        raceStatus(e.raceId(), RaceStatus.OPEN);
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceUpdated e, ReplayStatus replay) {
        RaceConfig c = e.config();
        jdbc.update("update race_view set name = ?, show_finished_names = ?, max_participants = ?, countdown_seconds = ?, "
                        + "public_race = ?, open_registration = ? where race_id = ?",
                e.name(), c.showFinishedNames(), c.maxParticipants(), c.countdownSeconds(), c.publicRace(),
                c.openRegistration(), e.raceId());
        raceChanged(e.raceId(), replay);
        leaderboardChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(ParticipantRegistered e, @Timestamp Instant at, ReplayStatus replay) {
        Integer order = jdbc.queryForObject("update race_view set participant_count = participant_count + 1, "
                + "registrations = registrations + 1 where race_id = ? returning registrations - 1", Integer.class, e.raceId());
        jdbc.update("insert into participant_view (participant_id, race_id, user_id, display_name, status, color_index, "
                        + "registration_order, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                e.participantId(), e.raceId(), e.userId(), e.displayName(), ParticipantStatus.REGISTERED.name(),
                order, order, ts(at));
        raceChanged(e.raceId(), replay);
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantRemoved e, ReplayStatus replay) {
        jdbc.update("update race_view set participant_count = participant_count - 1 where race_id = ?", e.raceId());
        for (String table : new String[]{"participant_view", "zone_visit", "layer_arrival", "mod_token"}) {
            jdbc.update("delete from " + table + " where participant_id = ?", e.participantId());
        }
        raceChanged(e.raceId(), replay);
        if (replay == ReplayStatus.REGULAR) {
            emit(new RaceUpdate.ParticipantRemoved(e.raceId(), e.participantId()));
        }
        leaderboardChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceStartScheduled e, ReplayStatus replay) {
        jdbc.update("update race_view set status = ?, scheduled_start = ? where race_id = ?",
                RaceStatus.COUNTDOWN.name(), ts(e.startAt()), e.raceId());
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceCountdownCancelled e, ReplayStatus replay) {
        jdbc.update("update race_view set status = ?, scheduled_start = null where race_id = ?",
                RaceStatus.OPEN.name(), e.raceId());
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceStarted e, ReplayStatus replay) {
        jdbc.update("update race_view set status = ?, started_at = ? where race_id = ?",
                RaceStatus.RUNNING.name(), ts(e.startedAt()), e.raceId());
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceFinished e, @Timestamp Instant at, ReplayStatus replay) {
        jdbc.update("update race_view set status = ?, finished_at = ?, forced_by = ? where race_id = ?",
                RaceStatus.FINISHED.name(), ts(at), e.forcedBy(), e.raceId());
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceReset e, ReplayStatus replay) {
        jdbc.update("update race_view set status = ?, scheduled_start = null, started_at = null, finished_at = null, "
                + "forced_by = null where race_id = ?", RaceStatus.OPEN.name(), e.raceId());
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(SeedRerolled e, ReplayStatus replay) {
        jdbc.update("update race_view set seed_id = ? where race_id = ?", e.newSeedId(), e.raceId());
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceCancelled e, @Timestamp Instant at, ReplayStatus replay) {
        jdbc.update("update race_view set status = ?, finished_at = ? where race_id = ?",
                RaceStatus.CANCELLED.name(), ts(at), e.raceId());
        raceChanged(e.raceId(), replay);
    }

    // ---- participants

    @EventHandler
    public void on(ModTokenAssigned e) {
        jdbc.update("insert into mod_token (participant_id, race_id, token_hash) values (?, ?, ?) "
                + "on conflict (participant_id) do update set token_hash = excluded.token_hash", e.participantId(), e.raceId(), e.tokenHash());
    }

    @EventHandler
    public void on(ParticipantReady e, ReplayStatus replay) {
        participantStatus(e.participantId(), ParticipantStatus.READY);
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(RunBegun e, ReplayStatus replay) {
        participantStatus(e.participantId(), ParticipantStatus.PLAYING);
        // The run starts in the start node (layer 0) at IGT 0: deaths before the first fog gate belong there.
        jdbc.update("update participant_view set current_zone_layer = 0, highest_layer = 0, layer_entry_igt_ms = 0 "
                + "where participant_id = ?", e.participantId());
        jdbc.update("insert into zone_visit (participant_id, visit_index, race_id, node_id, layer, entered_igt_ms, "
                + "deaths_at_entry) values (?, 0, ?, null, 0, 0, 0) on conflict do nothing", e.participantId(), e.raceId());
        jdbc.update("insert into layer_arrival (participant_id, layer, race_id, igt_ms) values (?, 0, ?, 0) "
                + "on conflict do nothing", e.participantId(), e.raceId());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(StatusCheckpointed e, ReplayStatus replay) {
        jdbc.update("update participant_view set igt_ms = ?, death_count = ? where participant_id = ?",
                e.igtMs(), e.deathCount(), e.participantId());
        updateCurrentVisitDeaths(e.participantId(), e.deathCount());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ZoneEntered e, ReplayStatus replay) {
        updateCurrentVisitDeaths(e.participantId(), e.deathCount());
        jdbc.update("insert into zone_visit (participant_id, visit_index, race_id, node_id, layer, entered_igt_ms, "
                        + "deaths_at_entry) select ?, coalesce(max(visit_index) + 1, 0), ?, ?, ?, ?, ? from zone_visit "
                        + "where participant_id = ?",
                e.participantId(), e.raceId(), e.nodeId(), e.layer(), e.igtMs(), e.deathCount(), e.participantId());
        jdbc.update("update participant_view set current_zone = ?, current_zone_layer = ?, igt_ms = ? where participant_id = ?",
                e.nodeId(), e.layer(), e.igtMs(), e.participantId());
        int reached = jdbc.update("insert into layer_arrival (participant_id, layer, race_id, igt_ms) values (?, ?, ?, ?) "
                + "on conflict do nothing", e.participantId(), e.highestLayer(), e.raceId(), e.igtMs());
        if (reached > 0) {
            jdbc.update("update participant_view set highest_layer = ?, layer_entry_igt_ms = ? where participant_id = ?",
                    e.highestLayer(), e.igtMs(), e.participantId());
        }
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantFinished e, ReplayStatus replay) {
        jdbc.update("update participant_view set status = ?, finish_igt_ms = ?, igt_ms = ?, death_count = ? "
                + "where participant_id = ?", ParticipantStatus.FINISHED.name(), e.igtMs(), e.igtMs(), e.deathCount(), e.participantId());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantAbandoned e, ReplayStatus replay) {
        participantStatus(e.participantId(), ParticipantStatus.ABANDONED);
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantDisqualified e, ReplayStatus replay) {
        participantStatus(e.participantId(), ParticipantStatus.DISQUALIFIED);
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantClosed e, ReplayStatus replay) {
        jdbc.update("update participant_view set closed_reason = ? where participant_id = ?",
                e.reason().name(), e.participantId());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ModConnectionChanged e, ReplayStatus replay) {
        jdbc.update("update participant_view set mod_connected = ? where participant_id = ?", e.connected(), e.participantId());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantReset e, ReplayStatus replay) {
        jdbc.update("update participant_view set status = ?, closed_reason = null, current_zone = null, "
                        + "current_zone_layer = null, highest_layer = 0, layer_entry_igt_ms = null, igt_ms = 0, death_count = 0, "
                        + "finish_igt_ms = null where participant_id = ?",
                ParticipantStatus.REGISTERED.name(), e.participantId());
        jdbc.update("delete from zone_visit where participant_id = ?", e.participantId());
        jdbc.update("delete from layer_arrival where participant_id = ?", e.participantId());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    // ---- helpers

    private void raceStatus(UUID raceId, RaceStatus status) {
        jdbc.update("update race_view set status = ? where race_id = ?", status.name(), raceId);
    }

    private void participantStatus(UUID participantId, ParticipantStatus status) {
        jdbc.update("update participant_view set status = ? where participant_id = ?", status.name(), participantId);
    }

    private void updateCurrentVisitDeaths(UUID participantId, int deathCount) {
        jdbc.update("update zone_visit set deaths = ? - deaths_at_entry where participant_id = ? and visit_index = "
                + "(select max(visit_index) from zone_visit where participant_id = ?)", deathCount, participantId, participantId);
    }

    private void raceChanged(UUID raceId, ReplayStatus replay) {
        if (replay == ReplayStatus.REGULAR) {
            reads.summary(raceId).ifPresent(race -> emit(new RaceUpdate.RaceChanged(raceId, race)));
        }
    }

    private void participantChanged(UUID raceId, UUID participantId, ReplayStatus replay) {
        if (replay == ReplayStatus.REGULAR) {
            reads.participant(participantId).ifPresent(p -> emit(new RaceUpdate.ParticipantChanged(raceId, p)));
            leaderboardChanged(raceId, replay);
        }
    }

    private void leaderboardChanged(UUID raceId, ReplayStatus replay) {
        if (replay == ReplayStatus.REGULAR) {
            reads.leaderboard(raceId).ifPresent(board -> emit(new RaceUpdate.LeaderboardChanged(raceId, board)));
        }
    }

    private void emit(RaceUpdate update) {
        updates.publish(update);
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
