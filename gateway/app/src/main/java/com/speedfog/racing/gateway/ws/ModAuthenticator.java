package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.gateway.identity.Tokens;
import com.speedfog.racing.gateway.read.ReadSide;
import com.speedfog.racing.gateway.web.DatabaseOutage;
import com.speedfog.racing.gateway.web.Eventually;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.viewer.Viewer;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A mod's {@code auth}: the mod token opens one participation of one race; the newest socket of a
 * player replaces the older one; {@code auth_ok} carries the race, the seed and the leaderboard as this
 * player may see it; then the race's pushes follow.
 */
@Component
class ModAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(ModAuthenticator.class);

    static final CloseStatus AUTH_REFUSED = new CloseStatus(4003, "authentication refused");
    static final CloseStatus REPLACED = new CloseStatus(4009, "replaced by a newer connection");
    static final CloseStatus TRY_AGAIN_LATER = new CloseStatus(1013, "try again later");

    private final ReadSide reads;
    private final SeedGraphs seeds;
    private final ModRegistry registry;
    private final ModPresence presence;
    private final ModBroadcaster broadcaster;

    ModAuthenticator(ReadSide reads, SeedGraphs seeds, ModRegistry registry, ModPresence presence, ModBroadcaster broadcaster) {
        this.reads = reads;
        this.seeds = seeds;
        this.registry = registry;
        this.presence = presence;
        this.broadcaster = broadcaster;
    }

    void authenticate(ModConnection connection, ModMessage.Auth auth) {
        try {
            open(connection, auth);
        } catch (RuntimeException e) {
            // The database is away (or worse): say so and close; the overlay reconnects with backoff.
            log.warn("mod authentication failed: {}", e.toString());
            connection.out.sendThenClose(Wire.write(new ServerMessage.Error(
                    DatabaseOutage.causedBy(e) ? "unavailable" : "internal_error",
                    "the server cannot authenticate now; reconnect shortly", null)), TRY_AGAIN_LATER);
        }
    }

    private void open(ModConnection connection, ModMessage.Auth auth) {
        // A token issued a moment ago may still be on its way to the read model (from another node's
        // event, this node polls the store every 100 ms).
        Optional<ParticipantView> participant = auth.modToken() == null ? Optional.empty()
                : Eventually.await(() -> reads.participantByTokenHash(Tokens.hash(auth.modToken())), Duration.ofSeconds(3));
        if (participant.isEmpty() || !participant.get().raceId().equals(connection.raceId)) {
            connection.out.sendThenClose(Wire.write(new ServerMessage.AuthError(
                    "this mod token does not open this race (was the pack regenerated?)")), AUTH_REFUSED);
            return;
        }
        ParticipantView me = participant.get();
        connection.viewer = Viewer.user(me.userId()); // the mod token says who is watching
        connection.participant = me.id();
        me.zoneHistory().forEach(v -> connection.visited.add(String.valueOf(v.nodeId())));
        // A reconnecting or restarted overlay asks zone_query first: answer from where the player last was.
        connection.currentNode = me.currentZone();
        registry.claim(me.id(), connection).ifPresent(previous -> {
            previous.participant = null; // its close must not mark the player disconnected
            previous.stopFeed();
            previous.out.closeWith(REPLACED);
        });
        RaceSummary race = reads.summary(connection.raceId, connection.viewer).orElseThrow();
        connection.seedId = race.seedId();
        Optional<SeedGraph> graph = seeds.graph(race.seedId());
        ServerMessage.SeedInfo seed = new ServerMessage.SeedInfo(graph.map(SeedGraph::totalLayers).orElse(0),
                graph.map(SeedGraph::eventIds).orElse(List.of()),
                graph.flatMap(g -> g.finishEvent().isPresent() ? Optional.of(g.finishEvent().getAsLong()) : Optional.empty()).orElse(null));
        var board = reads.leaderboard(connection.raceId, connection.viewer).orElseThrow();
        connection.send(new ServerMessage.AuthOk(me.id().toString(), ProtocolViews.raceForMod(race), seed,
                ProtocolViews.entries(board)));
        presence.record(me.id(), true);
        broadcaster.follow(connection);
    }

    /** The socket closed: a player whose current socket it was is now disconnected. */
    void closed(UUID participantId) {
        presence.record(participantId, false);
    }
}
