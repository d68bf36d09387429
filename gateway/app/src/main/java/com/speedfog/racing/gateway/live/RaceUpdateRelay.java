package com.speedfog.racing.gateway.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.speedfog.racing.query.race.RaceQueries.WatchRace;
import com.speedfog.racing.query.race.RaceUpdate;
import com.speedfog.racing.query.race.RaceUpdatePublisher;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Carries the race views' updates to every gateway node through PostgreSQL LISTEN/NOTIFY. Only the node
 * whose processor owns a race's segment sees its events; the notification leaves with that
 * transaction's commit, reaches every node in commit order (so one race's updates stay in order), and
 * each node hands it to its own subscription queries. The node that wrote it hears it too: one path
 * for all. Updates over {@link #INLINE_LIMIT} bytes go through the {@code race_update_relay} table.
 */
@Component
public class RaceUpdateRelay implements RaceUpdatePublisher, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RaceUpdateRelay.class);

    static final String CHANNEL = "race_update";
    /** NOTIFY payloads must stay under 8000 bytes. */
    static final int INLINE_LIMIT = 7000;
    private static final String INLINE = "i";
    private static final String BY_ROW = "r";
    private static final Duration KEEP_ROWS = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final QueryUpdateEmitter emitter;
    private final RaceFeedHub feeds;
    private final RaceUpdateCodec codec;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection listenConnection;
    private Thread listener;

    public RaceUpdateRelay(JdbcTemplate jdbc, DataSource dataSource, QueryUpdateEmitter emitter, RaceFeedHub feeds,
                           ObjectMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.emitter = emitter;
        this.feeds = feeds;
        this.codec = new RaceUpdateCodec(json);
    }

    /** Inside the projection's transaction: nothing is sent unless it commits. */
    @Override
    public void publish(RaceUpdate update) {
        String text = codec.write(update);
        String payload;
        if (text.getBytes(StandardCharsets.UTF_8).length <= INLINE_LIMIT) {
            payload = INLINE + text;
        } else {
            Long id = jdbc.queryForObject("insert into race_update_relay (payload) values (?) returning id", Long.class, text);
            payload = BY_ROW + id;
        }
        jdbc.query("select pg_notify(?, ?)", (ResultSetExtractor<Object>) rs -> null, CHANNEL, payload);
    }

    /** Whether this node currently hears the other nodes' updates (for health). */
    public boolean isListening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "race-update-relay");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Connection connection = listenConnection;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // going away anyway
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean heardBefore = false;
        long nextPrune = 0;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listenConnection = connection;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                listening = true;
                if (heardBefore) {
                    log.info("race updates are heard again: every watcher gets a fresh snapshot");
                    feeds.resyncAll();
                }
                heardBefore = true;
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(connection, notification.getParameter());
                        }
                    }
                    if (System.currentTimeMillis() > nextPrune) {
                        prune(connection);
                        nextPrune = System.currentTimeMillis() + 60_000;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("not hearing race updates ({}); trying again in 1 s", e.toString());
                    pause();
                }
            } finally {
                listening = false;
                listenConnection = null;
            }
        }
    }

    private void deliver(Connection connection, String payload) throws SQLException {
        String text = payload.startsWith(BY_ROW) ? row(connection, Long.parseLong(payload.substring(1))) : payload.substring(1);
        if (text == null) {
            log.warn("relayed race update {} is gone (pruned?): watchers will be resynced", payload);
            feeds.resyncAll();
            return;
        }
        RaceUpdate update = codec.read(text);
        emitter.emit(WatchRace.class, query -> query.raceId().equals(update.raceId()), update);
    }

    private static String row(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select payload from race_update_relay where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void prune(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from race_update_relay where created_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, KEEP_ROWS.toSeconds());
            delete.executeUpdate();
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
