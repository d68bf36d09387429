package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.gateway.identity.CurrentUsers;
import com.speedfog.racing.gateway.identity.User;
import com.speedfog.racing.gateway.identity.UserService;
import com.speedfog.racing.gateway.read.ReadSide;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.SpectatorMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.viewer.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * {@code /ws/race/{race_id}}, as a session: anyone watching a race. A logged-in browser is known from its
 * session at the handshake, anyone else after {@code auth} with an API token; what they are sent is
 * {@link SpectatorBroadcaster}'s. Each socket has its own bounded send queue: a slow spectator is dropped
 * (and resyncs on reconnect), never slowing the others.
 */
@Component
public class SpectatorSocketHandler extends TextWebSocketHandler {

    static final CloseStatus UNKNOWN_RACE = new CloseStatus(4004, "no such race");

    private final SpectatorBroadcaster broadcaster;
    private final ReadSide reads;
    private final UserService users;
    private final CurrentUsers currentUsers;
    private final SocketProperties limits;
    private final ExecutorService senders;

    SpectatorSocketHandler(SpectatorBroadcaster broadcaster, ReadSide reads, UserService users, CurrentUsers currentUsers,
                           SocketProperties limits, ExecutorService socketSenders) {
        this.broadcaster = broadcaster;
        this.reads = reads;
        this.users = users;
        this.currentUsers = currentUsers;
        this.limits = limits;
        this.senders = socketSenders;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Optional<UUID> raceId = SocketPaths.raceId(session);
        Viewer viewer = currentUsers.viewerOf(session.getPrincipal());
        if (raceId.isEmpty() || reads.summary(raceId.get(), viewer).isEmpty()) {
            session.close(UNKNOWN_RACE);
            return;
        }
        broadcaster.join(session.getId(), raceId.get(), viewer, new OutboundQueue(session, senders, limits.sendQueue()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) {
        SpectatorBroadcaster.Spectator spectator = broadcaster.bySession(session.getId());
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
                spectator.viewAs(user.get().viewer());
            }
        } catch (Wire.WireException e) {
            spectator.out.send(Wire.write(new ServerMessage.Error(e.code(), e.getMessage(), null)));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        broadcaster.leave(session.getId());
    }
}
