package com.speedfog.racing.projections.timeline;

import com.speedfog.racing.query.timeline.TimelineEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Reads a race's timeline in store order. */
@Component
public class TimelineReadModel {

    private final JdbcTemplate jdbc;

    public TimelineReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<TimelineEntry> timeline(UUID raceId) {
        return page(raceId, -1, Integer.MAX_VALUE);
    }

    /** At most {@code limit} entries after {@code afterSequence}, in store order (long races are read page by page). */
    public List<TimelineEntry> page(UUID raceId, long afterSequence, int limit) {
        return jdbc.query(SELECT, (rs, n) -> entry(rs), raceId, afterSequence, limit);
    }

    private static final String SELECT = "select sequence, race_id, participant_id, event_type, occurred_at, igt_ms, "
            + "description, data::text as data from race_timeline where race_id = ? and sequence > ? order by sequence limit ?";

    private static TimelineEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        long igt = rs.getLong("igt_ms");
        Long igtMs = rs.wasNull() ? null : igt;
        return new TimelineEntry(rs.getLong("sequence"), rs.getObject("race_id", UUID.class),
                rs.getObject("participant_id", UUID.class), rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant(), igtMs, rs.getString("description"), rs.getString("data"));
    }
}
