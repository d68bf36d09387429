package com.speedfog.racing.projections.timeline;

import com.speedfog.racing.query.timeline.TimelineEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads a race's timeline in store order. */
@Component
public class TimelineReadModel {

    private final JdbcTemplate jdbc;

    public TimelineReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<TimelineEntry> timeline(UUID raceId) {
        return jdbc.query(SELECT, (rs, n) -> entry(rs), raceId);
    }

    /** Streams the timeline row by row (exports of long races never hold it all in memory). */
    public void stream(UUID raceId, Consumer<TimelineEntry> sink) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(500);
        streaming.query(SELECT, rs -> {
            sink.accept(entry(rs));
        }, raceId);
    }

    private static final String SELECT = "select sequence, race_id, participant_id, event_type, occurred_at, igt_ms, "
            + "description, data::text as data from race_timeline where race_id = ? order by sequence";

    private static TimelineEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        long igt = rs.getLong("igt_ms");
        Long igtMs = rs.wasNull() ? null : igt;
        return new TimelineEntry(rs.getLong("sequence"), rs.getObject("race_id", UUID.class),
                rs.getObject("participant_id", UUID.class), rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant(), igtMs, rs.getString("description"), rs.getString("data"));
    }
}
