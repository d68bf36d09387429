package com.speedfog.racing.projections.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.SoloEvents.TrainingRunCreated;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.projections.common.ProjectionGroups;
import com.speedfog.racing.projections.common.ProjectionTables;
import com.speedfog.racing.projections.common.TransactionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every event of a race, in store order, with wall-clock time, IGT and a plain sentence: what an analyst
 * replays and exports. Rows and names are kept for the transaction and written in JDBC batches at its flush
 * ({@link TransactionBatch}).
 */
@Component
@ProcessingGroup(ProjectionGroups.RACE_TIMELINE)
@ProjectionTables({"race_timeline", "timeline_participant"})
public class TimelineProjection {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final JdbcTemplate jdbc;

    public TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    public void reset() {
        jdbc.execute("truncate race_timeline, timeline_participant");
    }

    /** Names known in this transaction and rows to write at its flush: one JDBC batch per table. */
    private final class Rows implements TransactionBatch.Batch {
        final Map<UUID, String> names = new HashMap<>();
        final Set<UUID> racesLoaded = new HashSet<>();
        final List<Object[]> newNames = new ArrayList<>();
        final List<Object[]> entries = new ArrayList<>();

        String nameOf(UUID raceId, UUID participantId) {
            if (!names.containsKey(participantId) && racesLoaded.add(raceId)) {
                jdbc.query("select participant_id, display_name from timeline_participant where race_id = ?",
                        rs -> {
                            names.putIfAbsent(rs.getObject(1, UUID.class), rs.getString(2));
                        }, raceId);
            }
            String name = names.get(participantId);
            if (name == null) {
                // not of this race: as the live projection always did, ask for the participant alone
                name = jdbc.queryForList("select display_name from timeline_participant where participant_id = ?",
                        String.class, participantId).stream().findFirst().orElse("a player");
            }
            return name;
        }

        @Override
        public void flush() {
            if (!newNames.isEmpty()) {
                jdbc.batchUpdate("insert into timeline_participant (participant_id, race_id, display_name) values (?, ?, ?) "
                        + "on conflict (participant_id) do update set display_name = excluded.display_name", newNames);
                newNames.clear();
            }
            if (!entries.isEmpty()) {
                jdbc.batchUpdate("insert into race_timeline (sequence, race_id, participant_id, event_type, occurred_at, igt_ms, "
                        + "description, data) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (sequence) do nothing",
                        entries);
                entries.clear();
            }
        }
    }

    private Rows rows() {
        return TransactionBatch.current(this, Rows::new);
    }

    @EventHandler
    public void on(RaceEvent event, TrackingToken token, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Rows rows = rows();
        if (event instanceof ParticipantRegistered e) {
            rows.newNames.add(new Object[]{e.participantId(), e.raceId(), e.displayName()});
            rows.names.put(e.participantId(), e.displayName());
        }
        UUID participant = event instanceof ParticipantRegistered e ? e.participantId()
                : event instanceof ParticipantRemoved e ? e.participantId() : null;
        record(rows, token, eventId, event.raceId(), participant, event, at, null,
                TimelineDescriptions.describe(event, id -> rows.nameOf(event.raceId(), id)));
    }

    @EventHandler
    public void on(ParticipantEvent event, TrackingToken token, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (event instanceof ModTokenAssigned) {
            return; // a secret's hash is nobody's history
        }
        Rows rows = rows();
        if (event instanceof TrainingRunCreated e) {
            rows.newNames.add(new Object[]{e.participantId(), e.raceId(), e.displayName()});
            rows.names.put(e.participantId(), e.displayName());
        }
        String name = rows.nameOf(event.raceId(), event.participantId());
        record(rows, token, eventId, event.raceId(), event.participantId(), event, at, TimelineDescriptions.igtOf(event),
                TimelineDescriptions.describe(event, name));
    }

    private void record(Rows rows, TrackingToken token, String eventId, UUID raceId, UUID participantId, Object event, Instant at,
                        Long igt, String description) {
        long sequence = storePosition(token, eventId);
        rows.entries.add(new Object[]{sequence, raceId, participantId, event.getClass().getSimpleName(), java.sql.Timestamp.from(at),
                igt, description, toJson(event)});
    }

    /**
     * The event's own place in the store. On the JPA store an event that commits after a later one fills
     * a gap, and its token still names the later one's index (the token only says how far the reader
     * has come): that event's index is looked up by its identifier. Other stores' tokens are exact.
     */
    private long storePosition(TrackingToken token, String eventId) {
        if (WrappedToken.unwrap(token, GapAwareTrackingToken.class).isPresent()) {
            Long index = jdbc.queryForList("select global_index from domain_event_entry where event_identifier = ?",
                    Long.class, eventId).stream().findFirst().orElse(null);
            if (index != null) {
                return index;
            }
        }
        return token.position().orElseThrow(() -> new IllegalStateException("the timeline needs store positions"));
    }

    private static String toJson(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
