package com.speedfog.racing.projections.race;

import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardRules;
import com.speedfog.racing.query.leaderboard.Standing;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceDetail;
import com.speedfog.racing.query.race.RaceOptions;
import com.speedfog.racing.query.race.RacePage;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.race.ZoneVisit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the race read tables into views: the query side answers from here, the projection emits from here. */
@Component
public class RaceReadModel {

    private final JdbcTemplate jdbc;

    public RaceReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RaceSummary> summary(UUID raceId) {
        return jdbc.query("select * from race_view where race_id = ?", SUMMARY, raceId).stream().findFirst();
    }

    public Optional<RaceDetail> detail(UUID raceId) {
        return summary(raceId).map(race -> new RaceDetail(race, participants(raceId)));
    }

    /** Race, participants and leaderboard at once: what a live page starts from. */
    public Optional<RaceSnapshot> snapshot(UUID raceId) {
        return detail(raceId).map(detail -> new RaceSnapshot(detail, leaderboard(raceId).orElseThrow()));
    }

    public RacePage list(String status, boolean onlyPublic, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            where.append(" and status = ?");
            args.add(status.toUpperCase(Locale.ROOT));
        }
        if (onlyPublic) {
            where.append(" and public_race");
        }
        Long total = jdbc.queryForObject("select count(*) from race_view" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<RaceSummary> races = jdbc.query("select * from race_view" + where
                + " order by created_at desc, race_id limit ? offset ?", SUMMARY, pageArgs.toArray());
        return new RacePage(races, page, size, total == null ? 0 : total);
    }

    /** The roster in registration order, each with their zone history. */
    public List<ParticipantView> participants(UUID raceId) {
        Map<UUID, List<ZoneVisit>> history = jdbc.query(
                        "select * from zone_visit where race_id = ? order by participant_id, visit_index",
                        (rs, n) -> Map.entry(uuid(rs, "participant_id"), visit(rs)), raceId).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.query("select * from participant_view where race_id = ? order by registration_order",
                (rs, n) -> participant(rs, history.getOrDefault(uuid(rs, "participant_id"), List.of())), raceId);
    }

    public Optional<ParticipantView> participant(UUID participantId) {
        List<ZoneVisit> history = jdbc.query("select * from zone_visit where participant_id = ? order by visit_index",
                (rs, n) -> visit(rs), participantId);
        return jdbc.query("select * from participant_view where participant_id = ?",
                (rs, n) -> participant(rs, history), participantId).stream().findFirst();
    }

    public Optional<ParticipantView> participantByTokenHash(String tokenHash) {
        return jdbc.queryForList("select participant_id from mod_token where token_hash = ?", UUID.class, tokenHash)
                .stream().findFirst().flatMap(this::participant);
    }

    public Optional<Leaderboard> leaderboard(UUID raceId) {
        if (summary(raceId).isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, Map<Integer, Long>> arrivals = new HashMap<>();
        jdbc.query("select participant_id, layer, igt_ms from layer_arrival where race_id = ?", rs -> {
            arrivals.computeIfAbsent(uuid(rs, "participant_id"), k -> new HashMap<>())
                    .put(rs.getInt("layer"), rs.getLong("igt_ms"));
        }, raceId);
        List<Standing> standings = jdbc.query("select * from participant_view where race_id = ?", (rs, n) -> new Standing(
                uuid(rs, "participant_id"), rs.getString("display_name"), lower(rs.getString("status")),
                rs.getString("closed_reason") != null, rs.getInt("highest_layer"), nullableLong(rs, "layer_entry_igt_ms"),
                rs.getLong("igt_ms"), rs.getInt("death_count"), nullableLong(rs, "finish_igt_ms"),
                rs.getInt("color_index"), rs.getInt("registration_order")), raceId);
        return Optional.of(LeaderboardRules.rank(raceId, standings, LeaderboardRules.leaderSplits(arrivals.values())));
    }

    /** This user's participation in this race (a user is never twice in a race), with their history. */
    public Optional<ParticipantView> participantOf(UUID raceId, String userId) {
        return jdbc.queryForList("select participant_id from participant_view where race_id = ? and user_id = ?",
                UUID.class, raceId, userId).stream().findFirst().flatMap(this::participant);
    }

    private static final RowMapper<RaceSummary> SUMMARY = (rs, n) -> new RaceSummary(
            uuid(rs, "race_id"), rs.getString("name"), rs.getString("organizer_id"), rs.getString("pool_name"),
            rs.getString("seed_id"), lower(rs.getString("status")),
            new RaceOptions(rs.getBoolean("show_finished_names"), rs.getInt("max_participants"),
                    rs.getInt("countdown_seconds"), rs.getBoolean("public_race"), rs.getBoolean("open_registration")),
            rs.getInt("participant_count"), instant(rs, "created_at"), instant(rs, "scheduled_start"),
            instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("forced_by"));

    private static ParticipantView participant(ResultSet rs, List<ZoneVisit> history) throws SQLException {
        return new ParticipantView(uuid(rs, "participant_id"), uuid(rs, "race_id"), rs.getString("user_id"),
                rs.getString("display_name"), lower(rs.getString("status")), lower(rs.getString("closed_reason")),
                rs.getInt("color_index"), rs.getString("current_zone"), rs.getInt("highest_layer"),
                nullableLong(rs, "layer_entry_igt_ms"), rs.getLong("igt_ms"), rs.getInt("death_count"),
                nullableLong(rs, "finish_igt_ms"), rs.getBoolean("mod_connected"), history);
    }

    private static ZoneVisit visit(ResultSet rs) throws SQLException {
        int layer = rs.getInt("layer");
        Integer nullableLayer = rs.wasNull() ? null : layer;
        return new ZoneVisit(rs.getString("node_id"), nullableLayer, rs.getLong("entered_igt_ms"), rs.getInt("deaths"));
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
