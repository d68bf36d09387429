package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.gateway.read.ReadSide;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.viewer.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ws/mod/{race_id}}: one player's mod client, as a session: the connection and its limits (frame
 * size, rate, the auth window, the resend gate), then each message to its job: {@code auth} to
 * {@link ModAuthenticator}, gameplay to {@link GameplayTranslator}. What the race pushes to mods is
 * {@link ModBroadcaster}'s.
 */
@Component
public class ModSocketHandler extends TextWebSocketHandler {

    static final CloseStatus AUTH_TIMEOUT = new CloseStatus(4001, "send auth within 5 s");
    static final CloseStatus UNKNOWN_RACE = new CloseStatus(4004, "no such race");

    private final ReadSide reads;
    private final ModRegistry registry;
    private final ModAuthenticator authenticator;
    private final GameplayTranslator translator;
    private final SocketProperties limits;
    private final ExecutorService senders;
    private final ScheduledExecutorService timers;

    ModSocketHandler(ReadSide reads, ModRegistry registry, ModAuthenticator authenticator, GameplayTranslator translator,
                     SocketProperties limits, ExecutorService socketSenders, ScheduledExecutorService socketTimers) {
        this.reads = reads;
        this.registry = registry;
        this.authenticator = authenticator;
        this.translator = translator;
        this.limits = limits;
        this.senders = socketSenders;
        this.timers = socketTimers;
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
        registry.opened(connection);
        timers.schedule(() -> {
            if (connection.participant == null) {
                connection.out.closeWith(AUTH_TIMEOUT);
            }
        }, limits.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) {
        ModConnection connection = registry.bySession(session.getId());
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
            authenticator.authenticate(connection, auth);
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
        if (connection.admits(gameplay.messageId())) {
            translator.answer(connection, gameplay);
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
        ModConnection connection = registry.bySession(session.getId());
        if (connection != null) {
            connection.stopFeed();
        }
        registry.closed(session.getId()).ifPresent(current -> authenticator.closed(current.participant));
    }
}
