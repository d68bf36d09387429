package com.speedfog.racing.projections.race;

import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.ParticipantStatus;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.command.race.RaceStatus;
import com.speedfog.racing.projections.common.ProjectionGroups;
import com.speedfog.racing.projections.common.ProjectionTables;
import com.speedfog.racing.projections.common.TransactionBatch;
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
import java.util.function.Consumer;

/**
 * Builds the race list and detail, the roster with each participant's state, zone history and layer
 * arrivals; after each change it tells the race's watchers what changed. Rows are changed in memory for the
 * transaction ({@link RaceViewRows}) and written at its flush: after each event live, once per chunk in a replay.
 */
@Component
@ProcessingGroup(ProjectionGroups.RACE_VIEWS)
@ProjectionTables({"race_view", "participant_view", "zone_visit", "layer_arrival", "mod_token"})
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

    private RaceViewRows rows() {
        return TransactionBatch.current(this, () -> new RaceViewRows(jdbc));
    }

    // ---- race

    @EventHandler
    public void on(RaceCreated e, @Timestamp Instant at, ReplayStatus replay) {
        RaceConfig c = e.config();
        RaceViewRows.Race race = new RaceViewRows.Race();
        race.raceId = e.raceId();
        race.name = e.name();
        race.organizerId = e.organizerId();
        race.poolName = e.poolName();
        race.seedId = e.seedId();
        race.status = RaceStatus.DRAFT.name();
        race.showFinishedNames = c.showFinishedNames();
        race.maxParticipants = c.maxParticipants();
        race.countdownSeconds = c.countdownSeconds();
        race.publicRace = c.publicRace();
        race.openRegistration = c.openRegistration();
        race.createdAt = ts(at);
        rows().created(race);
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceOpened e, ReplayStatus replay) {
        race(e.raceId(), r -> r.status = RaceStatus.OPEN.name());
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceUpdated e, ReplayStatus replay) {
        RaceConfig c = e.config();
        race(e.raceId(), r -> {
            r.name = e.name();
            r.showFinishedNames = c.showFinishedNames();
            r.maxParticipants = c.maxParticipants();
            r.countdownSeconds = c.countdownSeconds();
            r.publicRace = c.publicRace();
            r.openRegistration = c.openRegistration();
        });
        raceChanged(e.raceId(), replay);
        leaderboardChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(ParticipantRegistered e, @Timestamp Instant at, ReplayStatus replay) {
        RaceViewRows rows = rows();
        RaceViewRows.Race race = rows.race(e.raceId());
        if (race == null) {
            throw new IllegalStateException("participant " + e.participantId() + " registered in race " + e.raceId()
                    + ", which the race view does not have");
        }
        int order = race.registrations;
        race.participantCount++;
        race.registrations++;
        race.dirty = true;
        RaceViewRows.Participant p = new RaceViewRows.Participant();
        p.participantId = e.participantId();
        p.raceId = e.raceId();
        p.userId = e.userId();
        p.displayName = e.displayName();
        p.status = ParticipantStatus.REGISTERED.name();
        p.colorIndex = order;
        p.registrationOrder = order;
        p.registeredAt = ts(at);
        rows.registered(p);
        raceChanged(e.raceId(), replay);
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantRemoved e, ReplayStatus replay) {
        RaceViewRows rows = rows();
        race(e.raceId(), r -> r.participantCount--);
        RaceViewRows.Participant p = rows.participant(e.raceId(), e.participantId());
        if (p != null) {
            rows.removed(p);
        }
        raceChanged(e.raceId(), replay);
        if (replay == ReplayStatus.REGULAR) {
            emit(new RaceUpdate.ParticipantRemoved(e.raceId(), e.participantId()));
        }
        leaderboardChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceStartScheduled e, ReplayStatus replay) {
        race(e.raceId(), r -> {
            r.status = RaceStatus.COUNTDOWN.name();
            r.scheduledStart = ts(e.startAt());
        });
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceCountdownCancelled e, ReplayStatus replay) {
        race(e.raceId(), r -> {
            r.status = RaceStatus.OPEN.name();
            r.scheduledStart = null;
        });
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceStarted e, ReplayStatus replay) {
        race(e.raceId(), r -> {
            r.status = RaceStatus.RUNNING.name();
            r.startedAt = ts(e.startedAt());
        });
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceFinished e, @Timestamp Instant at, ReplayStatus replay) {
        race(e.raceId(), r -> {
            r.status = RaceStatus.FINISHED.name();
            r.finishedAt = ts(at);
            r.forcedBy = e.forcedBy();
        });
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceReset e, ReplayStatus replay) {
        race(e.raceId(), r -> {
            r.status = RaceStatus.OPEN.name();
            r.scheduledStart = null;
            r.startedAt = null;
            r.finishedAt = null;
            r.forcedBy = null;
        });
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(SeedRerolled e, ReplayStatus replay) {
        race(e.raceId(), r -> r.seedId = e.newSeedId());
        raceChanged(e.raceId(), replay);
    }

    @EventHandler
    public void on(RaceCancelled e, @Timestamp Instant at, ReplayStatus replay) {
        race(e.raceId(), r -> {
            r.status = RaceStatus.CANCELLED.name();
            r.finishedAt = ts(at);
        });
        raceChanged(e.raceId(), replay);
    }

    // ---- participants

    @EventHandler
    public void on(ModTokenAssigned e) {
        rows().modToken(e.participantId(), e.raceId(), e.tokenHash());
    }

    @EventHandler
    public void on(ParticipantReady e, ReplayStatus replay) {
        participant(e.raceId(), e.participantId(), p -> p.status = ParticipantStatus.READY.name());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(RunBegun e, ReplayStatus replay) {
        RaceViewRows rows = rows();
        participant(e.raceId(), e.participantId(), p -> {
            p.status = ParticipantStatus.PLAYING.name();
            // The run starts in the start node (layer 0) at IGT 0: deaths before the first fog gate belong there.
            p.currentZoneLayer = 0;
            p.highestLayer = 0;
            p.layerEntryIgtMs = 0L;
            if (p.lastVisit == null) {
                rows.enter(p, null, 0, 0, 0);
            }
            rows.arrive(p, 0, 0);
        });
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(StatusCheckpointed e, ReplayStatus replay) {
        RaceViewRows rows = rows();
        participant(e.raceId(), e.participantId(), p -> {
            p.igtMs = e.igtMs();
            p.deathCount = e.deathCount();
            rows.deathsInCurrentStay(p, e.deathCount());
        });
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ZoneEntered e, ReplayStatus replay) {
        RaceViewRows rows = rows();
        participant(e.raceId(), e.participantId(), p -> {
            rows.deathsInCurrentStay(p, e.deathCount());
            rows.enter(p, e.nodeId(), e.layer(), e.igtMs(), e.deathCount());
            p.currentZone = e.nodeId();
            p.currentZoneLayer = e.layer();
            p.igtMs = e.igtMs();
            if (rows.arrive(p, e.highestLayer(), e.igtMs())) {
                p.highestLayer = e.highestLayer();
                p.layerEntryIgtMs = e.igtMs();
            }
        });
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantFinished e, ReplayStatus replay) {
        participant(e.raceId(), e.participantId(), p -> {
            p.status = ParticipantStatus.FINISHED.name();
            p.finishIgtMs = e.igtMs();
            p.igtMs = e.igtMs();
            p.deathCount = e.deathCount();
        });
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantAbandoned e, ReplayStatus replay) {
        participant(e.raceId(), e.participantId(), p -> p.status = ParticipantStatus.ABANDONED.name());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantDisqualified e, ReplayStatus replay) {
        participant(e.raceId(), e.participantId(), p -> p.status = ParticipantStatus.DISQUALIFIED.name());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantClosed e, ReplayStatus replay) {
        participant(e.raceId(), e.participantId(), p -> p.closedReason = e.reason().name());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ModConnectionChanged e, ReplayStatus replay) {
        participant(e.raceId(), e.participantId(), p -> p.modConnected = e.connected());
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    @EventHandler
    public void on(ParticipantReset e, ReplayStatus replay) {
        RaceViewRows rows = rows();
        participant(e.raceId(), e.participantId(), p -> {
            p.status = ParticipantStatus.REGISTERED.name();
            p.closedReason = null;
            p.currentZone = null;
            p.currentZoneLayer = null;
            p.highestLayer = 0;
            p.layerEntryIgtMs = null;
            p.igtMs = 0;
            p.deathCount = 0;
            p.finishIgtMs = null;
            rows.forgetRuns(p);
        });
        participantChanged(e.raceId(), e.participantId(), replay);
    }

    // ---- helpers

    /** Changes the race's row, if the view has the race. */
    private void race(UUID raceId, Consumer<RaceViewRows.Race> change) {
        RaceViewRows.Race race = rows().race(raceId);
        if (race != null) {
            change.accept(race);
            race.dirty = true;
        }
    }

    /** Changes the participant's row, if the view has them. */
    private void participant(UUID raceId, UUID participantId, Consumer<RaceViewRows.Participant> change) {
        RaceViewRows.Participant p = rows().participant(raceId, participantId);
        if (p != null) {
            change.accept(p);
            p.dirty = true;
        }
    }

    private void raceChanged(UUID raceId, ReplayStatus replay) {
        if (replay == ReplayStatus.REGULAR) {
            rows().flush(); // what is emitted is read back from the tables
            reads.summary(raceId).ifPresent(race -> emit(new RaceUpdate.RaceChanged(raceId, race)));
        }
    }

    private void participantChanged(UUID raceId, UUID participantId, ReplayStatus replay) {
        if (replay == ReplayStatus.REGULAR) {
            rows().flush();
            reads.participant(participantId).ifPresent(p -> emit(new RaceUpdate.ParticipantChanged(raceId, p)));
            leaderboardChanged(raceId, replay);
        }
    }

    private void leaderboardChanged(UUID raceId, ReplayStatus replay) {
        if (replay == ReplayStatus.REGULAR) {
            rows().flush();
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
