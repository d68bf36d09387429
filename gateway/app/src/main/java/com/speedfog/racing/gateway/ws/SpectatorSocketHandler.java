package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.identity.CurrentUsers;
import com.speedfog.racing.gateway.identity.User;
import com.speedfog.racing.gateway.identity.UserService;
import com.speedfog.racing.gateway.live.RaceFeedHub;
import com.speedfog.racing.gateway.read.ReadSide;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.SpectatorMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardEntry;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.race.RaceUpdate;
import com.speedfog.racing.query.viewer.Sight;
import com.speedfog.racing.query.viewer.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code /ws/race/{race_id}}: anyone watching a race. Gets {@code race_state}, then every change, as its
 * viewer may see them (the feed applies the viewer's {@link Sight}): a logged-in browser is known from
 * its session at the handshake, anyone else after {@code auth} with an API token. Each socket has its
 * own bounded send queue: a slow spectator is dropped (and resyncs on reconnect), never slowing the others.
 */
@Component
public class SpectatorSocketHandler extends TextWebSocketHandler {

    private final RaceFeedHub feeds;
    private final ReadSide reads;
    private final SeedGraphs seeds;
    private final UserService users;
    private final CurrentUsers currentUsers;
    private final SocketProperties limits;
    private final ExecutorService senders;
    private final Map<String, Spectator> bySession = new ConcurrentHashMap<>();

    public SpectatorSocketHandler(RaceFeedHub feeds, ReadSide reads, SeedGraphs seeds, UserService users,
                                  CurrentUsers currentUsers, SocketProperties limits, ExecutorService socketSenders,
                                  ScheduledExecutorService socketTimers) {
        this.feeds = feeds;
        this.reads = reads;
        this.seeds = seeds;
        this.users = users;
        this.currentUsers = currentUsers;
        this.limits = limits;
        this.senders = socketSenders;
        long ping = limits.pingInterval().toMillis();
        socketTimers.scheduleAtFixedRate(() -> broadcastAll(Wire.write(new ServerMessage.Ping())), ping, ping, TimeUnit.MILLISECONDS);
    }

    private static final class Spectator {
        final UUID raceId;
        final OutboundQueue out;
        final RateLimiter limiter = new RateLimiter(5, 20);
        volatile String lastStatus;
        volatile java.time.Instant lastScheduledStart;
        volatile Sight lastSight;
        volatile RaceFeedHub.Registration feed;

        Spectator(UUID raceId, OutboundQueue out) {
            this.raceId = raceId;
            this.out = out;
        }
    }

    public int spectatorCount(UUID raceId) {
        return (int) bySession.values().stream().filter(s -> s.raceId.equals(raceId)).count();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Optional<UUID> raceId = SocketPaths.raceId(session);
        Viewer viewer = currentUsers.viewerOf(session.getPrincipal());
        if (raceId.isEmpty() || reads.summary(raceId.get(), viewer).isEmpty()) {
            session.close(new CloseStatus(4004, "no such race"));
            return;
        }
        Spectator spectator = new Spectator(raceId.get(), new OutboundQueue(session, senders, limits.sendQueue()));
        bySession.put(session.getId(), spectator);
        spectator.feed = feeds.listen(spectator.raceId, viewer, new RaceFeedHub.Listener() {
            @Override
            public void onSnapshot(RaceSnapshot seen, Sight sight) {
                if (seen != null) {
                    sendState(spectator, seen, sight);
                }
            }

            @Override
            public void onUpdate(RaceFeedHub.SeenUpdate update, Sight sight) {
                push(spectator, update, sight);
            }
        });
        broadcastCount(spectator.raceId);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) {
        Spectator spectator = bySession.get(session.getId());
        if (spectator == null) {
            return;
        }
        if (frame.getPayloadLength() > limits.maxFrameBytes() || !spectator.limiter.tryAcquire()) {
            spectator.out.send(Wire.write(new ServerMessage.Error(frame.getPayloadLength() > limits.maxFrameBytes()
                    ? "frame_too_large" : "rate_limited", "message refused", null)));
            return;
        }
        try {
            SpectatorMessage message = Wire.readSpectator(frame.getPayload());
            if (message instanceof SpectatorMessage.Auth auth) {
                Optional<User> user = users.byApiToken(auth.token());
                if (user.isEmpty()) {
                    spectator.out.send(Wire.write(new ServerMessage.Error("invalid_token", "this token is not valid", null)));
                    return;
                }
                spectator.feed.viewAs(user.get().viewer()); // sends the state again, as this viewer sees it
            }
        } catch (Wire.WireException e) {
            spectator.out.send(Wire.write(new ServerMessage.Error(e.code(), e.getMessage(), null)));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Spectator spectator = bySession.remove(session.getId());
        if (spectator != null) {
            if (spectator.feed != null) {
                spectator.feed.close();
            }
            broadcastCount(spectator.raceId);
        }
    }

    /** {@code race_state} then {@code leaderboard_update}, from a snapshot already filtered for this viewer. */
    private void sendState(Spectator spectator, RaceSnapshot seen, Sight sight) {
        RaceSummary race = seen.detail().race();
        spectator.lastStatus = race.status();
        spectator.lastScheduledStart = race.scheduledStart();
        spectator.lastSight = sight;
        Map<UUID, Long> gaps = gaps(seen.leaderboard());
        ServerMessage.SpectatorSeedInfo seed = new ServerMessage.SpectatorSeedInfo(
                seeds.graph(race.seedId()).map(g -> g.totalLayers()).orElse(0),
                sight.graph() ? seeds.graphJson(race.seedId()).map(SpectatorSocketHandler::json).orElse(null) : null,
                sight.graph() ? null : Boolean.TRUE);
        spectator.out.send(Wire.write(new ServerMessage.RaceState(ProtocolViews.raceForSpectators(race), seed,
                seen.detail().participants().stream().map(p -> ProtocolViews.participant(p, gaps.get(p.id()))).toList(),
                seen.leaderboard().leaderSplits())));
        spectator.out.send(Wire.write(ProtocolViews.leaderboardUpdate(seen.leaderboard())));
    }

    private void push(Spectator spectator, RaceFeedHub.SeenUpdate seen, Sight sight) {
        RaceUpdate update = seen.update();
        if (update instanceof RaceUpdate.ParticipantChanged || update instanceof RaceUpdate.LeaderboardChanged) {
            Sight last = spectator.lastSight;
            if (last != null && !last.shown().equals(sight.shown())) {
                // What this viewer may see changed (a player whose run is over now sees the graph): the whole state.
                spectator.feed.resend();
                return;
            }
            spectator.out.send(seen.frame("spectator", SpectatorSocketHandler::frame));
        } else if (update instanceof RaceUpdate.RaceChanged changed) {
            String status = changed.race().status();
            if (!status.equals(spectator.lastStatus)) {
                spectator.out.send(Wire.write(ProtocolViews.statusChange(changed.race())));
                // What may be seen changes with the status (the graph appears at GO): resend the state.
                spectator.feed.resend();
            } else if (!Objects.equals(changed.race().scheduledStart(), spectator.lastScheduledStart)) {
                // A countdown moved to another time: same status, new start.
                spectator.out.send(Wire.write(ProtocolViews.statusChange(changed.race())));
            }
            spectator.lastScheduledStart = changed.race().scheduledStart();
        } else if (update instanceof RaceUpdate.ParticipantRemoved) {
            spectator.feed.resend();
        }
    }

    /** A {@code player_update} or {@code leaderboard_update} of an update already filtered for its viewers. */
    private static String frame(RaceUpdate update) {
        if (update instanceof RaceUpdate.ParticipantChanged changed) {
            return Wire.write(new ServerMessage.PlayerUpdate(ProtocolViews.participant(changed.participant(), null)));
        }
        return Wire.write(ProtocolViews.leaderboardUpdate(((RaceUpdate.LeaderboardChanged) update).leaderboard()));
    }

    private static Map<UUID, Long> gaps(Leaderboard board) {
        return board.participants().stream().filter(e -> e.gapMs() != null)
                .collect(Collectors.toMap(LeaderboardEntry::participantId, LeaderboardEntry::gapMs));
    }

    private void broadcastCount(UUID raceId) {
        String count = Wire.write(new ServerMessage.SpectatorCount(spectatorCount(raceId)));
        bySession.values().stream().filter(s -> s.raceId.equals(raceId)).forEach(s -> s.out.send(count));
    }

    private void broadcastAll(String frame) {
        bySession.values().forEach(s -> s.out.send(frame));
    }

    private static JsonNode json(String text) {
        try {
            return Wire.mapper().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** Sessions of one race, for tests and metrics. */
    Set<String> sessionsOf(UUID raceId) {
        return bySession.entrySet().stream().filter(e -> e.getValue().raceId.equals(raceId)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
