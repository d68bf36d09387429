package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.command.common.RuleViolation;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.gateway.web.DatabaseOutage;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Turns a mod's gameplay messages into the participant's commands (zones and flags resolved against the
 * seed graph first) and the command's outcome into the answer: {@code ack}, a coded {@code error}, or
 * a "send it again" error when nothing was stored.
 */
@Component
class GameplayTranslator {
    private static final Logger log = LoggerFactory.getLogger(GameplayTranslator.class);

    private final CommandGateway commands;
    private final SeedGraphs seeds;

    GameplayTranslator(CommandGateway commands, SeedGraphs seeds) {
        this.commands = commands;
        this.seeds = seeds;
    }

    /** Plays the message for the connection's participant and answers it. */
    void answer(ModConnection connection, ModMessage.Gameplay message) {
        try {
            playAtGo(connection, message);
            if (message.messageId() != null) {
                connection.send(new ServerMessage.Ack(message.messageId()));
            }
        } catch (RuleViolation violation) {
            connection.error(violation.code(), violation.getMessage(), message.messageId());
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuleViolation violation) {
                connection.error(violation.code(), violation.getMessage(), message.messageId());
            } else {
                log.error("mod message failed", e);
                connection.notStored("internal_error", "the server could not store this; send it again", message.messageId());
            }
        } catch (RuntimeException e) {
            // Storage down or similar: no ack, so the client keeps the message in its outbox and resends.
            log.warn("mod message from {} not stored: {}{}", connection.participant, e.toString(),
                    DatabaseOutage.causedBy(e) ? " (database unreachable)" : "");
            connection.notStored("unavailable", "the server could not store this now; send it again", message.messageId());
        }
    }

    /**
     * At GO the race saga begins every run a moment after the race starts. A message refused in that
     * moment asks the domain to begin this run now if the race has started ({@link BeginRunAtGo}: the
     * race aggregate decides, with its own start time), then is played again.
     */
    private void playAtGo(ModConnection connection, ModMessage.Gameplay message) {
        try {
            play(connection, message);
        } catch (RuleViolation | CommandExecutionException refused) {
            RuleViolation violation = refused instanceof RuleViolation direct ? direct
                    : refused.getCause() instanceof RuleViolation wrapped ? wrapped : null;
            if (violation == null || !"race_not_running".equals(violation.code()) || message instanceof ModMessage.Ready
                    || !Boolean.TRUE.equals(commands.sendAndWait(new BeginRunAtGo(connection.participant, connection.raceId)))) {
                throw refused;
            }
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
}
