package com.speedfog.racing.projections.race;

import com.speedfog.racing.projections.common.TransactionBatch;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The race view's rows touched in one transaction, in memory: a race's rows are read once (on the first event
 * of that race in the transaction), changed by each event, and written at the flush, new rows with INSERT
 * (a row already there fails, as it should), changed ones with one UPDATE each, in JDBC batches.
 */
final class RaceViewRows implements TransactionBatch.Batch {

    static final class Race {
        UUID raceId;
        String name;
        String organizerId;
        String poolName;
        String seedId;
        String status;
        boolean showFinishedNames;
        int maxParticipants;
        int countdownSeconds;
        boolean publicRace;
        boolean openRegistration;
        int participantCount;
        int registrations;
        Timestamp createdAt;
        Timestamp scheduledStart;
        Timestamp startedAt;
        Timestamp finishedAt;
        String forcedBy;
        boolean stored;
        boolean dirty;
    }

    static final class Participant {
        UUID participantId;
        UUID raceId;
        String userId;
        String displayName;
        String status;
        String closedReason;
        int colorIndex;
        int registrationOrder;
        String currentZone;
        Integer currentZoneLayer;
        int highestLayer;
        Long layerEntryIgtMs;
        long igtMs;
        int deathCount;
        Long finishIgtMs;
        boolean modConnected;
        Timestamp registeredAt;
        boolean stored;
        boolean dirty;
        boolean removed;
        /** Zone visits and layer arrivals stored before this transaction are to be deleted (a reset or a removal). */
        boolean clearStored;
        /** The stay in progress (the highest visit index), null before the run begins. */
        Visit lastVisit;
        final Set<Integer> layersReached = new HashSet<>();
    }

    static final class Visit {
        final UUID participantId;
        final int visitIndex;
        final UUID raceId;
        final String nodeId;
        final Integer layer;
        final long enteredIgtMs;
        final int deathsAtEntry;
        int deaths;
        boolean stored;
        boolean dirty;

        Visit(UUID participantId, int visitIndex, UUID raceId, String nodeId, Integer layer, long enteredIgtMs, int deathsAtEntry,
              int deaths, boolean stored) {
            this.participantId = participantId;
            this.visitIndex = visitIndex;
            this.raceId = raceId;
            this.nodeId = nodeId;
            this.layer = layer;
            this.enteredIgtMs = enteredIgtMs;
            this.deathsAtEntry = deathsAtEntry;
            this.deaths = deaths;
            this.stored = stored;
        }
    }

    private final JdbcTemplate jdbc;
    private final Set<UUID> racesLoaded = new HashSet<>();
    private final Map<UUID, Race> races = new LinkedHashMap<>();
    private final Map<UUID, Participant> participants = new LinkedHashMap<>();
    private final List<Visit> newVisits = new ArrayList<>();
    private final List<Visit> changedVisits = new ArrayList<>();
    private final List<Object[]> newArrivals = new ArrayList<>();
    private final Map<UUID, Object[]> modTokens = new LinkedHashMap<>();

    RaceViewRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The race's row, or null if there is none. */
    Race race(UUID raceId) {
        load(raceId);
        return races.get(raceId);
    }

    /** The participant's row (if still there), its race's rows loaded. */
    Participant participant(UUID raceId, UUID participantId) {
        load(raceId);
        Participant p = participants.get(participantId);
        return p == null || p.removed ? null : p;
    }

    /** A new race; like the INSERT it becomes, it fails if the view has the race already. */
    void created(Race race) {
        if (race(race.raceId) != null) {
            throw new IllegalStateException("race_view already holds race " + race.raceId);
        }
        race.dirty = true;
        races.put(race.raceId, race);
    }

    /** A new participant; fails if the view has them already. */
    void registered(Participant participant) {
        Participant existing = participants.get(participant.participantId);
        if (existing != null && !existing.removed) {
            throw new IllegalStateException("participant_view already holds participant " + participant.participantId);
        }
        participant.dirty = true;
        participants.put(participant.participantId, participant);
    }

    void removed(Participant p) {
        p.removed = true;
        modTokens.remove(p.participantId);
        forgetRuns(p);
    }

    /** The deaths of the participant's stay in progress, from their death count now (nothing before the run begins). */
    void deathsInCurrentStay(Participant p, int deathCount) {
        Visit v = p.lastVisit;
        if (v != null) {
            v.deaths = deathCount - v.deathsAtEntry;
            if (v.stored && !v.dirty) {
                v.dirty = true;
                changedVisits.add(v);
            }
        }
    }

    /** The participant's zone visits and layer arrivals are gone (a reset of their run). */
    void forgetRuns(Participant p) {
        p.clearStored = true;
        p.lastVisit = null;
        p.layersReached.clear();
        newVisits.removeIf(v -> v.participantId.equals(p.participantId));
        changedVisits.removeIf(v -> v.participantId.equals(p.participantId));
        newArrivals.removeIf(a -> a[0].equals(p.participantId));
    }

    /** Opens a stay at the next visit index (0 for the first). */
    void enter(Participant p, String nodeId, Integer layer, long igtMs, int deathsAtEntry) {
        int index = p.lastVisit == null ? 0 : p.lastVisit.visitIndex + 1;
        Visit visit = new Visit(p.participantId, index, p.raceId, nodeId, layer, igtMs, deathsAtEntry, 0, false);
        p.lastVisit = visit;
        newVisits.add(visit);
    }

    /** Records the first arrival on a layer; false if the participant had reached it before. */
    boolean arrive(Participant p, int layer, long igtMs) {
        if (!p.layersReached.add(layer)) {
            return false;
        }
        newArrivals.add(new Object[]{p.participantId, layer, p.raceId, igtMs});
        return true;
    }

    void modToken(UUID participantId, UUID raceId, String tokenHash) {
        modTokens.put(participantId, new Object[]{participantId, raceId, tokenHash});
    }

    private void load(UUID raceId) {
        if (!racesLoaded.add(raceId)) {
            return;
        }
        jdbc.query("select * from race_view where race_id = ?", rs -> {
            races.putIfAbsent(raceId, race(rs));
        }, raceId);
        jdbc.query("select * from participant_view where race_id = ?", rs -> {
            Participant p = participant(rs);
            participants.putIfAbsent(p.participantId, p);
        }, raceId);
        jdbc.query("select distinct on (participant_id) * from zone_visit where race_id = ? "
                + "order by participant_id, visit_index desc", rs -> {
            Participant p = participants.get(rs.getObject("participant_id", UUID.class));
            if (p != null && p.lastVisit == null && !p.clearStored) {
                p.lastVisit = new Visit(p.participantId, rs.getInt("visit_index"), raceId, rs.getString("node_id"),
                        (Integer) rs.getObject("layer"), rs.getLong("entered_igt_ms"), rs.getInt("deaths_at_entry"),
                        rs.getInt("deaths"), true);
            }
        }, raceId);
        jdbc.query("select participant_id, layer from layer_arrival where race_id = ?", rs -> {
            Participant p = participants.get(rs.getObject(1, UUID.class));
            if (p != null && !p.clearStored) {
                p.layersReached.add(rs.getInt(2));
            }
        }, raceId);
    }

    @Override
    public void flush() {
        List<Object[]> clearRuns = new ArrayList<>();
        List<Object[]> gone = new ArrayList<>();
        List<Object[]> raceInserts = new ArrayList<>();
        List<Object[]> raceUpdates = new ArrayList<>();
        List<Object[]> participantInserts = new ArrayList<>();
        List<Object[]> participantUpdates = new ArrayList<>();
        List<Object[]> visitInserts = new ArrayList<>();
        List<Object[]> visitUpdates = new ArrayList<>();
        for (Race r : races.values()) {
            if (r.dirty) {
                Object[] values = {r.name, r.organizerId, r.poolName, r.seedId, r.status, r.showFinishedNames, r.maxParticipants,
                        r.countdownSeconds, r.publicRace, r.openRegistration, r.participantCount, r.registrations, r.createdAt,
                        r.scheduledStart, r.startedAt, r.finishedAt, r.forcedBy, r.raceId};
                (r.stored ? raceUpdates : raceInserts).add(values);
                r.stored = true;
                r.dirty = false;
            }
        }
        for (Participant p : participants.values()) {
            if (p.clearStored) {
                clearRuns.add(new Object[]{p.participantId});
                p.clearStored = false;
            }
            if (p.removed) {
                if (p.stored) {
                    gone.add(new Object[]{p.participantId});
                }
                continue;
            }
            if (p.dirty) {
                Object[] values = {p.raceId, p.userId, p.displayName, p.status, p.closedReason, p.colorIndex, p.registrationOrder,
                        p.currentZone, p.currentZoneLayer, p.highestLayer, p.layerEntryIgtMs, p.igtMs, p.deathCount, p.finishIgtMs,
                        p.modConnected, p.registeredAt, p.participantId};
                (p.stored ? participantUpdates : participantInserts).add(values);
                p.stored = true;
                p.dirty = false;
            }
        }
        for (Visit v : changedVisits) {
            visitUpdates.add(new Object[]{v.deaths, v.participantId, v.visitIndex});
            v.dirty = false;
        }
        for (Visit v : newVisits) {
            visitInserts.add(new Object[]{v.participantId, v.visitIndex, v.raceId, v.nodeId, v.layer, v.enteredIgtMs,
                    v.deathsAtEntry, v.deaths});
            v.stored = true;
            v.dirty = false;
        }
        batch("delete from zone_visit where participant_id = ?", clearRuns);
        batch("delete from layer_arrival where participant_id = ?", clearRuns);
        batch("delete from participant_view where participant_id = ?", gone);
        batch("delete from zone_visit where participant_id = ?", gone);
        batch("delete from layer_arrival where participant_id = ?", gone);
        batch("delete from mod_token where participant_id = ?", gone);
        batch("insert into race_view (name, organizer_id, pool_name, seed_id, status, show_finished_names, max_participants, "
                + "countdown_seconds, public_race, open_registration, participant_count, registrations, created_at, scheduled_start, "
                + "started_at, finished_at, forced_by, race_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                raceInserts);
        batch("update race_view set name = ?, organizer_id = ?, pool_name = ?, seed_id = ?, status = ?, show_finished_names = ?, "
                + "max_participants = ?, countdown_seconds = ?, public_race = ?, open_registration = ?, participant_count = ?, "
                + "registrations = ?, created_at = ?, scheduled_start = ?, started_at = ?, finished_at = ?, forced_by = ? "
                + "where race_id = ?", raceUpdates);
        batch("insert into participant_view (race_id, user_id, display_name, status, closed_reason, color_index, registration_order, "
                + "current_zone, current_zone_layer, highest_layer, layer_entry_igt_ms, igt_ms, death_count, finish_igt_ms, "
                + "mod_connected, registered_at, participant_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                participantInserts);
        batch("update participant_view set race_id = ?, user_id = ?, display_name = ?, status = ?, closed_reason = ?, "
                + "color_index = ?, registration_order = ?, current_zone = ?, current_zone_layer = ?, highest_layer = ?, "
                + "layer_entry_igt_ms = ?, igt_ms = ?, death_count = ?, finish_igt_ms = ?, mod_connected = ?, registered_at = ? "
                + "where participant_id = ?", participantUpdates);
        batch("insert into zone_visit (participant_id, visit_index, race_id, node_id, layer, entered_igt_ms, deaths_at_entry, "
                + "deaths) values (?, ?, ?, ?, ?, ?, ?, ?)", visitInserts);
        batch("update zone_visit set deaths = ? where participant_id = ? and visit_index = ?", visitUpdates);
        batch("insert into layer_arrival (participant_id, layer, race_id, igt_ms) values (?, ?, ?, ?)", newArrivals);
        batch("insert into mod_token (participant_id, race_id, token_hash) values (?, ?, ?) "
                + "on conflict (participant_id) do update set token_hash = excluded.token_hash", new ArrayList<>(modTokens.values()));
        newVisits.clear();
        changedVisits.clear();
        newArrivals.clear();
        modTokens.clear();
        participants.values().removeIf(p -> p.removed);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static Race race(ResultSet rs) throws SQLException {
        Race r = new Race();
        r.raceId = rs.getObject("race_id", UUID.class);
        r.name = rs.getString("name");
        r.organizerId = rs.getString("organizer_id");
        r.poolName = rs.getString("pool_name");
        r.seedId = rs.getString("seed_id");
        r.status = rs.getString("status");
        r.showFinishedNames = rs.getBoolean("show_finished_names");
        r.maxParticipants = rs.getInt("max_participants");
        r.countdownSeconds = rs.getInt("countdown_seconds");
        r.publicRace = rs.getBoolean("public_race");
        r.openRegistration = rs.getBoolean("open_registration");
        r.participantCount = rs.getInt("participant_count");
        r.registrations = rs.getInt("registrations");
        r.createdAt = rs.getTimestamp("created_at");
        r.scheduledStart = rs.getTimestamp("scheduled_start");
        r.startedAt = rs.getTimestamp("started_at");
        r.finishedAt = rs.getTimestamp("finished_at");
        r.forcedBy = rs.getString("forced_by");
        r.stored = true;
        return r;
    }

    private static Participant participant(ResultSet rs) throws SQLException {
        Participant p = new Participant();
        p.participantId = rs.getObject("participant_id", UUID.class);
        p.raceId = rs.getObject("race_id", UUID.class);
        p.userId = rs.getString("user_id");
        p.displayName = rs.getString("display_name");
        p.status = rs.getString("status");
        p.closedReason = rs.getString("closed_reason");
        p.colorIndex = rs.getInt("color_index");
        p.registrationOrder = rs.getInt("registration_order");
        p.currentZone = rs.getString("current_zone");
        p.currentZoneLayer = (Integer) rs.getObject("current_zone_layer");
        p.highestLayer = rs.getInt("highest_layer");
        p.layerEntryIgtMs = (Long) rs.getObject("layer_entry_igt_ms");
        p.igtMs = rs.getLong("igt_ms");
        p.deathCount = rs.getInt("death_count");
        p.finishIgtMs = (Long) rs.getObject("finish_igt_ms");
        p.modConnected = rs.getBoolean("mod_connected");
        p.registeredAt = rs.getTimestamp("registered_at");
        p.stored = true;
        return p;
    }
}
