package com.speedfog.racing.gateway.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Repository
public class UserRepository {

    private static final RowMapper<User> USER = (rs, n) -> new User(rs.getObject("id", UUID.class),
            rs.getString("twitch_id"), rs.getString("login"), rs.getString("display_name"), rs.getString("avatar_url"),
            Role.valueOf(rs.getString("role")));

    private final JdbcTemplate jdbc;

    public UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> byId(UUID id) {
        return jdbc.query("select * from app_user where id = ?", USER, id).stream().findFirst();
    }

    public Optional<User> byLogin(String login) {
        return jdbc.query("select * from app_user where login = ?", USER, normalize(login)).stream().findFirst();
    }

    public Optional<User> byTwitchId(String twitchId) {
        return jdbc.query("select * from app_user where twitch_id = ?", USER, twitchId).stream().findFirst();
    }

    public Optional<User> byApiTokenHash(String hash) {
        return jdbc.query("select * from app_user where api_token_hash = ?", USER, hash).stream().findFirst();
    }

    public List<User> all() {
        return jdbc.query("select * from app_user order by login", USER);
    }

    public User insert(String twitchId, String login, String displayName, String avatarUrl, Role role) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into app_user (id, twitch_id, login, display_name, avatar_url, role, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", id, twitchId, normalize(login), displayName, avatarUrl,
                role.name(), Timestamp.from(Instant.now()));
        return byId(id).orElseThrow();
    }

    public void updateProfile(UUID id, String twitchId, String login, String displayName, String avatarUrl) {
        jdbc.update("update app_user set twitch_id = ?, login = ?, display_name = ?, avatar_url = ? where id = ?",
                twitchId, normalize(login), displayName, avatarUrl, id);
    }

    public void setRole(UUID id, Role role) {
        jdbc.update("update app_user set role = ? where id = ?", role.name(), id);
    }

    public void setApiTokenHash(UUID id, String hash) {
        jdbc.update("update app_user set api_token_hash = ? where id = ?", hash, id);
    }

    /** Twitch logins are case-insensitive; we keep them in lower case. */
    public static String normalize(String login) {
        return login == null ? null : login.strip().toLowerCase(Locale.ROOT);
    }
}
