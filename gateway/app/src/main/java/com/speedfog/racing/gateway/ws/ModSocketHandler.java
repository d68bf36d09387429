package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.command.common.RuleViolation;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.gateway.identity.Tokens;
import com.speedfog.racing.gateway.live.RaceFeedHub;
import com.speedfog.racing.gateway.read.ReadSide;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.race.RaceUpdate;
import com.speedfog.racing.query.viewer.Viewer;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ws/mod/{race_id}}: one player's mod client. Authenticates by mod token, turns gameplay
 * messages into participant commands (zones and flags resolved against the seed graph first), answers
 * with acks and coded errors, and pushes the race's status and leaderboard.
 */
@Component
public class ModSocketHandler extends TextWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(ModSocketHandler.class);

    static final CloseStatus AUTH_TIMEOUT = new CloseStatus(4001, "send auth within 5 s");
    static final CloseStatus AUTH_REFUSED = new CloseStatus(4003, "authentication refused");
    static final CloseStatus REPLACED = new CloseStatus(4009, "replaced by a newer connection");
    static final CloseStatus UNKNOWN_RACE = new CloseStatus(4004, "no such race");
    static final CloseStatus TRY_AGAIN_LATER = new CloseStatus(1013, "try again later");

    private final CommandGateway commands;
    private final ReadSide reads;
    private final RaceFeedHub feeds;
    private final SeedGraphs seeds;
    private final SocketProperties limits;
    private final ExecutorService senders;
    private final ScheduledExecutorService timers;
    private final Map<String, ModConnection> bySession = new ConcurrentHashMap<>();
    private final Map<UUID, ModConnection> byParticipant = new ConcurrentHashMap<>();

    public ModSocketHandler(CommandGateway commands, ReadSide reads, RaceFeedHub feeds, SeedGraphs seeds,
                            SocketProperties limits, ExecutorService socketSenders, ScheduledExecutorService socketTimers) {
        this.commands = commands;
        this.reads = reads;
        this.feeds = feeds;
        this.seeds = seeds;
        this.limits = limits;
        this.senders = socketSenders;
        this.timers = socketTimers;
        long ping = limits.pingInterval().toMillis();
        timers.scheduleAtFixedRate(this::pingAll, ping, ping, TimeUnit.MILLISECONDS);
    }

    /** How many mods are connected (for health and tests). */
    public int connectionCount() {
        return byParticipant.size();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        OutboundQueue out = new OutboundQueue(session, senders, limits.sendQueue());
        Optional<UUID> raceId = SocketPaths.raceId(session);
        if (raceId.isEmpty() || reads.summary(raceId.get(), Viewer.ANONYMOUS).isEmpty()) {
            out.sendThenClose(Wire.write(new ServerMessage.AuthError("no such race")), UNKNOWN_RACE);
            return;
        }
        ModConnection connection = new ModConnection(session, raceId.get(), out,
                new RateLimiter(limits.messagesPerSecond(), limits.burst()));
        bySession.put(session.getId(), connection);
        timers.schedule(() -> {
            if (connection.participant == null) {
                connection.out.closeWith(AUTH_TIMEOUT);
            }
        }, limits.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) {
        ModConnection connection = bySession.get(session.getId());
        if (connection == null) {
            return;
        }
        if (frame.getPayloadLength() > limits.maxFrameBytes()) {
            connection.error("frame_too_large", "frames are at most " + limits.maxFrameBytes() + " bytes", null);
            return;
        }
        if (!connection.limiter.tryAcquire()) {
            connection.notStored("rate_limited", "too many messages: at most " + (int) limits.messagesPerSecond() + " a second",
                    connection.participant == null ? null : gameplayId(frame.getPayload()));
            return;
        }
        ModMessage message;
        try {
            message = Wire.readMod(frame.getPayload());
        } catch (Wire.WireException e) {
            connection.error(e.code(), e.getMessage(), null);
            return;
        }
        if (message instanceof ModMessage.Pong) {
            return;
        }
        if (message instanceof ModMessage.Auth auth) {
            try {
                authenticate(connection, auth);
            } catch (RuntimeException e) {
                // The database is away (or worse): say so and close; the overlay reconnects with backoff.
                log.warn("mod authentication failed: {}", e.toString());
                connection.out.sendThenClose(Wire.write(new ServerMessage.Error(
                        com.speedfog.racing.gateway.web.DatabaseOutage.causedBy(e) ? "unavailable" : "internal_error",
                        "the server cannot authenticate now; reconnect shortly", null)), TRY_AGAIN_LATER);
            }
            return;
        }
        if (connection.participant == null) {
            connection.error("not_authenticated", "send auth first", null);
            return;
        }
        ModMessage.Gameplay gameplay = (ModMessage.Gameplay) message;
        String problem = gameplay.problem();
        if (problem != null) {
            connection.error(Wire.INVALID_MESSAGE, problem, gameplay.messageId());
            return;
        }
        String awaited = connection.awaitingResend;
        if (awaited != null) {
            if (!awaited.equals(gameplay.messageId())) {
                connection.error(connection.awaitingResendCode, "message " + awaited
                        + " was not stored: send it again before the messages after it", gameplay.messageId());
                return;
            }
            connection.awaitingResend = null;
        }
        try {
            playAtGo(connection, gameplay);
            if (gameplay.messageId() != null) {
                connection.send(new ServerMessage.Ack(gameplay.messageId()));
            }
        } catch (RuleViolation violation) {
            connection.error(violation.code(), violation.getMessage(), gameplay.messageId());
        } catch (CommandExecutionException e) {
            RuleViolation violation = e.getCause() instanceof RuleViolation v ? v : null;
            if (violation != null) {
                connection.error(violation.code(), violation.getMessage(), gameplay.messageId());
            } else {
                log.error("mod message failed", e);
                connection.notStored("internal_error", "the server could not store this; send it again", gameplay.messageId());
            }
        } catch (RuntimeException e) {
            // Storage down or similar: no ack, so the client keeps the message in its outbox and resends.
            log.warn("mod message from {} not stored: {}", connection.participant, e.toString());
            connection.notStored("unavailable", "the server could not store this now; send it again", gameplay.messageId());
        }
    }

    /** The message id of a gameplay frame, or null for any other frame. */
    private static String gameplayId(String frame) {
        try {
            return Wire.readMod(frame) instanceof ModMessage.Gameplay gameplay ? gameplay.messageId() : null;
        } catch (Wire.WireException e) {
            return null;
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ModConnection connection = bySession.remove(session.getId());
        if (connection == null) {
            return;
        }
        connection.stopFeed();
        if (connection.participant != null && byParticipant.remove(connection.participant, connection)) {
            record(connection.participant, false);
        }
    }

    private void authenticate(ModConnection connection, ModMessage.Auth auth) {
        // A token issued a moment ago may still be on its way to the read model (from another node's
        // event, this node polls the store every 100 ms).
        Optional<ParticipantView> participant = auth.modToken() == null ? Optional.empty()
                : com.speedfog.racing.gateway.web.Eventually.await(
                () -> reads.participantByTokenHash(Tokens.hash(auth.modToken())), java.time.Duration.ofSeconds(3));
        if (participant.isEmpty() || !participant.get().raceId().equals(connection.raceId)) {
            connection.out.sendThenClose(Wire.write(new ServerMessage.AuthError(
                    "this mod token does not open this race (was the pack regenerated?)")), AUTH_REFUSED);
            return;
        }
        UUID participantId = participant.get().id();
        connection.viewer = Viewer.user(participant.get().userId()); // the mod token says who is watching
        connection.participant = participantId;
        participant.get().zoneHistory().forEach(v -> connection.visited.add(String.valueOf(v.nodeId())));
        // A reconnecting or restarted overlay asks zone_query first: answer from where the player last was.
        connection.currentNode = participant.get().currentZone();
        ModConnection previous = byParticipant.put(participantId, connection);
        if (previous != null && previous != connection) {
            previous.participant = null; // its close must not mark the player disconnected
            previous.stopFeed();
            previous.out.closeWith(REPLACED);
        }
        RaceSummary race = reads.summary(connection.raceId, connection.viewer).orElseThrow();
        connection.seedId = race.seedId();
        Optional<SeedGraph> graph = seeds.graph(race.seedId());
        ServerMessage.SeedInfo seed = new ServerMessage.SeedInfo(graph.map(SeedGraph::totalLayers).orElse(0),
                graph.map(SeedGraph::eventIds).orElse(java.util.List.of()),
                graph.flatMap(g -> g.finishEvent().isPresent() ? Optional.of(g.finishEvent().getAsLong()) : Optional.empty()).orElse(null));
        var board = reads.leaderboard(connection.raceId, connection.viewer).orElseThrow();
        connection.send(new ServerMessage.AuthOk(participantId.toString(), ProtocolViews.raceForMod(race), seed,
                ProtocolViews.entries(board)));
        record(participantId, true);
        connection.startFeed(feeds, this);
    }

    /** A leaderboard or status change of this connection's race. */
    void push(ModConnection connection, RaceFeedHub.SeenUpdate seen) {
        RaceUpdate update = seen.update();
        if (update instanceof RaceUpdate.LeaderboardChanged) {
            // Filtered for this player by the feed (finishers' names hidden while they race, if the race says so).
            connection.out.send(seen.frame("leaderboard", u -> Wire.write(ProtocolViews.leaderboardUpdate(
                    ((RaceUpdate.LeaderboardChanged) u).leaderboard()))));
        } else if (update instanceof RaceUpdate.RaceChanged changed) {
            connection.seedId = changed.race().seedId(); // a reroll before the start changes the graph
            String status = changed.race().status();
            if (!status.equals(connection.lastStatus)) {
                connection.lastStatus = status;
                connection.send(ProtocolViews.statusChange(changed.race()));
                if (status.equals("running")) {
                    connection.send(new ServerMessage.RaceStart(changed.race().startedAt()));
                }
            } else if (!java.util.Objects.equals(changed.race().scheduledStart(), connection.lastScheduledStart)) {
                connection.send(ProtocolViews.statusChange(changed.race())); // the countdown moved
            }
            connection.lastScheduledStart = changed.race().scheduledStart();
        }
    }

    /**
     * At GO the race saga begins every run a moment after the race starts; a client that speaks in that
     * moment begins its own run (idempotent) instead of being refused.
     */
    private void playAtGo(ModConnection connection, ModMessage.Gameplay message) {
        try {
            play(connection, message);
        } catch (RuleViolation violation) {
            RaceSummary race = reads.summary(connection.raceId, connection.viewer).orElse(null);
            if (!"race_not_running".equals(violation.code()) || race == null || !"running".equals(race.status())
                    || message instanceof ModMessage.Ready) {
                throw violation;
            }
            commands.sendAndWait(new BeginRun(connection.participant, race.startedAt()));
            play(connection, message);
        }
    }

    private void play(ModConnection connection, ModMessage.Gameplay message) {
        UUID me = connection.participant;
        String id = message.messageId();
        if (message instanceof ModMessage.Ready) {
            commands.sendAndWait(new MarkReady(me, id));
        } else if (message instanceof ModMessage.StatusUpdate status) {
            commands.sendAndWait(new ReportStatus(me, status.igtMs(), status.deathCount(), id));
            if (status.currentZone() != null && !status.currentZone().isBlank()) {
                Node node = resolveZone(connection, status.currentZone());
                if (!node.id().equals(connection.currentNode)) {
                    enter(connection, node, status.igtMs(), id == null ? null : id + "#zone");
                }
            }
        } else if (message instanceof ModMessage.ZoneEntered zone) {
            enter(connection, resolveZone(connection, zone.toZone()), zone.igtMs(), id);
        } else if (message instanceof ModMessage.EventFlag flag) {
            SeedGraph graph = graph(connection);
            if (graph.isFinish(flag.flagId())) {
                commands.sendAndWait(new FinishRun(me, flag.igtMs(), id));
            } else {
                Node node = graph.nodeForFlag(flag.flagId()).orElseThrow(() -> RuleViolation.invalid("unknown_flag",
                        "flag " + flag.flagId() + " is not in this seed's event_map"));
                enter(connection, node, flag.igtMs(), id);
            }
        } else if (message instanceof ModMessage.Finished finished) {
            commands.sendAndWait(new FinishRun(me, finished.igtMs(), id));
        } else if (message instanceof ModMessage.ZoneQuery) {
            // Best effort: we know where the player last went through a fog gate.
            if (connection.currentNode != null) {
                graph(connection).node(connection.currentNode).ifPresent(node -> connection.send(zoneUpdate(connection, node)));
            }
        }
    }

    private void enter(ModConnection connection, Node node, long igtMs, String messageId) {
        commands.sendAndWait(new EnterZone(connection.participant, node.id(), node.layer(), igtMs, messageId));
        connection.currentNode = node.id();
        connection.visited.add(node.id());
        connection.send(zoneUpdate(connection, node));
    }

    private ServerMessage.ZoneUpdate zoneUpdate(ModConnection connection, Node node) {
        SeedGraph graph = graph(connection);
        var exits = graph.exitsOf(node.id()).stream().map(exit -> new ServerMessage.Exit(exit.exit().text(),
                exit.targetDisplayName(), connection.visited.contains(exit.target().id()))).toList();
        return new ServerMessage.ZoneUpdate(node.id(), node.displayName(), node.tier(), node.layer(), exits);
    }

    private Node resolveZone(ModConnection connection, String zone) {
        return graph(connection).resolveZone(zone).orElseThrow(() ->
                RuleViolation.invalid("unknown_zone", "zone '" + zone + "' is not in this seed"));
    }

    private SeedGraph graph(ModConnection connection) {
        String seedId = connection.seedId;
        return (seedId == null ? Optional.<SeedGraph>empty() : seeds.graph(seedId)).orElseThrow(() ->
                RuleViolation.conflict("seed_unavailable", "this race's seed graph cannot be read on the server"));
    }

    private void record(UUID participantId, boolean connected) {
        try {
            commands.sendAndWait(new RecordModConnection(participantId, connected));
        } catch (RuntimeException e) {
            log.warn("could not record connection of {}: {}", participantId, e.toString());
        }
    }

    private void pingAll() {
        String ping = Wire.write(new ServerMessage.Ping());
        bySession.values().forEach(c -> c.out.send(ping));
    }
}
