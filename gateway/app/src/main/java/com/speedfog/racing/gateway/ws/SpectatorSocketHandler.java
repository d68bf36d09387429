package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.identity.User;
import com.speedfog.racing.gateway.identity.UserService;
import com.speedfog.racing.gateway.live.RaceFeedHub;
import com.speedfog.racing.projections.race.RaceReadModel;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.SpectatorMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardEntry;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.race.RaceUpdate;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code /ws/race/{race_id}}: anyone watching a race. Gets {@code race_state}, then every change; the
 * seed graph and positions only as their role allows. Each socket has its own bounded send queue: a
 * slow spectator is dropped (and resyncs on reconnect), never slowing the others.
 */
@Component
public class SpectatorSocketHandler extends TextWebSocketHandler {

    private final RaceFeedHub feeds;
    private final RaceReadModel races;
    private final SeedGraphs seeds;
    private final UserService users;
    private final SocketProperties limits;
    private final ExecutorService senders;
    private final Map<String, Spectator> bySession = new ConcurrentHashMap<>();
    /**
     * The frame every anonymous spectator of a race gets for the update being fanned out (they all see
     * the same): made once per update, not once per socket. The hub hands one update to all of a race's
     * listeners in turn, so remembering the last one per race is enough.
     */
    private final Map<UUID, AnonymousFrame> anonymousFrames = new ConcurrentHashMap<>();

    private record AnonymousFrame(RaceUpdate update, Optional<String> frame) {
    }

    public SpectatorSocketHandler(RaceFeedHub feeds, RaceReadModel races, SeedGraphs seeds, UserService users,
                                  SocketProperties limits, ExecutorService socketSenders, ScheduledExecutorService socketTimers) {
        this.feeds = feeds;
        this.races = races;
        this.seeds = seeds;
        this.users = users;
        this.limits = limits;
        this.senders = socketSenders;
        long ping = limits.pingInterval().toMillis();
        socketTimers.scheduleAtFixedRate(() -> broadcastAll(Wire.write(new ServerMessage.Ping())), ping, ping, TimeUnit.MILLISECONDS);
    }

    private final class Spectator {
        final UUID raceId;
        final OutboundQueue out;
        final RateLimiter limiter = new RateLimiter(5, 20);
        volatile String viewerUserId;
        volatile String lastStatus;
        volatile java.time.Instant lastScheduledStart;
        volatile RaceFeedHub.Registration feed;

        Spectator(UUID raceId, OutboundQueue out) {
            this.raceId = raceId;
            this.out = out;
        }

        Optional<ParticipantView> asParticipant() {
            return viewerUserId == null ? Optional.empty()
                    : races.participants(raceId).stream().filter(p -> p.userId().equals(viewerUserId)).findFirst();
        }

        boolean seesPositions(String raceStatus) {
            return SpectatorSocketHandler.seesPositions(raceStatus, asParticipant());
        }
    }

    /** Zones on the DAG are shown before GO, to everyone once the graph is, and to a player who is done. */
    static boolean seesPositions(String raceStatus, Optional<ParticipantView> viewer) {
        return DagVisibility.graphVisible(raceStatus, viewer) || raceStatus.matches("draft|open|countdown");
    }

    public int spectatorCount(UUID raceId) {
        return (int) bySession.values().stream().filter(s -> s.raceId.equals(raceId)).count();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Optional<UUID> raceId = SocketPaths.raceId(session);
        if (raceId.isEmpty() || races.summary(raceId.get()).isEmpty()) {
            session.close(new CloseStatus(4004, "no such race"));
            return;
        }
        Spectator spectator = new Spectator(raceId.get(), new OutboundQueue(session, senders, limits.sendQueue()));
        bySession.put(session.getId(), spectator);
        spectator.feed = feeds.listen(spectator.raceId, new RaceFeedHub.Listener() {
            @Override
            public void onSnapshot(RaceSnapshot snapshot) {
                if (snapshot != null) {
                    sendState(spectator, snapshot);
                }
            }

            @Override
            public void onUpdate(RaceUpdate update) {
                push(spectator, update);
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
                spectator.viewerUserId = user.get().id().toString();
                races.snapshot(spectator.raceId).ifPresent(snapshot -> sendState(spectator, snapshot));
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
            if (spectatorCount(spectator.raceId) == 0) {
                anonymousFrames.remove(spectator.raceId);
            }
        }
    }

    private void sendState(Spectator spectator, RaceSnapshot snapshot) {
        RaceSummary race = snapshot.detail().race();
        spectator.lastStatus = race.status();
        spectator.lastScheduledStart = race.scheduledStart();
        boolean graphVisible = DagVisibility.graphVisible(race.status(), spectator.asParticipant());
        boolean positions = spectator.seesPositions(race.status());
        Map<UUID, Long> gaps = gaps(snapshot.leaderboard());
        ServerMessage.SpectatorSeedInfo seed = new ServerMessage.SpectatorSeedInfo(
                seeds.graph(race.seedId()).map(g -> g.totalLayers()).orElse(0),
                graphVisible ? seeds.graphJson(race.seedId()).map(SpectatorSocketHandler::json).orElse(null) : null,
                graphVisible ? null : Boolean.TRUE);
        spectator.out.send(Wire.write(new ServerMessage.RaceState(ProtocolViews.raceForSpectators(race), seed,
                snapshot.detail().participants().stream().map(p -> ProtocolViews.participant(p, positions, gaps.get(p.id()))).toList(),
                snapshot.leaderboard().leaderSplits())));
        spectator.out.send(Wire.write(ProtocolViews.leaderboardUpdate(races.asSeenBy(snapshot.leaderboard(), race, spectator.viewerUserId))));
    }

    private void push(Spectator spectator, RaceUpdate update) {
        if (spectator.viewerUserId == null
                && (update instanceof RaceUpdate.ParticipantChanged || update instanceof RaceUpdate.LeaderboardChanged)) {
            anonymousFrame(spectator.raceId, update).ifPresent(spectator.out::send);
            return;
        }
        if (update instanceof RaceUpdate.ParticipantChanged changed) {
            ParticipantView player = changed.participant();
            if (player.userId().equals(spectator.viewerUserId) && player.runOver()) {
                // A player who is done may now see the graph: send them the whole state.
                races.snapshot(spectator.raceId).ifPresent(snapshot -> sendState(spectator, snapshot));
                return;
            }
            races.summary(spectator.raceId).ifPresent(race ->
                    spectator.out.send(frame(race, update, spectator.asParticipant(), spectator.viewerUserId)));
        } else if (update instanceof RaceUpdate.LeaderboardChanged) {
            races.summary(spectator.raceId).ifPresent(race ->
                    spectator.out.send(frame(race, update, Optional.empty(), spectator.viewerUserId)));
        } else if (update instanceof RaceUpdate.RaceChanged changed) {
            String status = changed.race().status();
            if (!status.equals(spectator.lastStatus)) {
                spectator.out.send(Wire.write(ProtocolViews.statusChange(changed.race())));
                // What may be seen changes with the status (the graph appears at GO): resend the state.
                races.snapshot(spectator.raceId).ifPresent(snapshot -> sendState(spectator, snapshot));
            } else if (!java.util.Objects.equals(changed.race().scheduledStart(), spectator.lastScheduledStart)) {
                // A countdown moved to another time: same status, new start.
                spectator.out.send(Wire.write(ProtocolViews.statusChange(changed.race())));
            }
            spectator.lastScheduledStart = changed.race().scheduledStart();
        } else if (update instanceof RaceUpdate.ParticipantRemoved) {
            races.snapshot(spectator.raceId).ifPresent(snapshot -> sendState(spectator, snapshot));
        }
    }

    private Optional<String> anonymousFrame(UUID raceId, RaceUpdate update) {
        AnonymousFrame last = anonymousFrames.get(raceId);
        if (last != null && last.update() == update) {
            return last.frame();
        }
        Optional<String> frame = races.summary(raceId).map(race -> frame(race, update, Optional.empty(), null));
        anonymousFrames.put(raceId, new AnonymousFrame(update, frame));
        return frame;
    }

    /**
     * A {@code player_update} or {@code leaderboard_update} as this viewer may see it: positions only when
     * {@link #seesPositions} allows ({@code viewer} matters only for a player update), finishers' names as
     * {@link RaceReadModel#asSeenBy} allows.
     */
    private String frame(RaceSummary race, RaceUpdate update, Optional<ParticipantView> viewer, String viewerUserId) {
        if (update instanceof RaceUpdate.ParticipantChanged changed) {
            return Wire.write(new ServerMessage.PlayerUpdate(ProtocolViews.participant(changed.participant(),
                    seesPositions(race.status(), viewer), null)));
        }
        return Wire.write(ProtocolViews.leaderboardUpdate(
                races.asSeenBy(((RaceUpdate.LeaderboardChanged) update).leaderboard(), race, viewerUserId)));
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
