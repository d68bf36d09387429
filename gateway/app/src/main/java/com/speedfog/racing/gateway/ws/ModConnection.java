package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.gateway.live.RaceFeedHub;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.viewer.Viewer;
import org.springframework.web.socket.WebSocketSession;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** One mod socket's state. */
final class ModConnection {
    final WebSocketSession session;
    final UUID raceId;
    final OutboundQueue out;
    final RateLimiter limiter;
    final Set<String> visited = ConcurrentHashMap.newKeySet();
    volatile UUID participant;
    /** The player as a viewer of their race, known once authenticated. */
    volatile Viewer viewer = Viewer.ANONYMOUS;
    /** The race's seed (kept current by the feed: a reroll before the start changes it). */
    volatile String seedId;
    volatile String currentNode;
    volatile String lastStatus;
    volatile java.time.Instant lastScheduledStart;
    /**
     * The message last answered with a "send it again" code, and that code: later gameplay on this
     * socket is refused until it comes again, so that no message overtakes one that was not stored.
     */
    volatile String awaitingResend;
    volatile String awaitingResendCode;
    private volatile RaceFeedHub.Registration feed;

    ModConnection(WebSocketSession session, UUID raceId, OutboundQueue out, RateLimiter limiter) {
        this.session = session;
        this.raceId = raceId;
        this.out = out;
        this.limiter = limiter;
    }

    void send(ServerMessage message) {
        out.send(Wire.write(message));
    }

    void error(String code, String message, String messageId) {
        send(new ServerMessage.Error(code, message, messageId));
    }

    /** Answers a "send it again" error and holds back later messages until this one is resent. */
    void notStored(String code, String message, String messageId) {
        if (messageId != null && awaitingResend == null) {
            awaitingResendCode = code;
            awaitingResend = messageId;
        }
        error(code, message, messageId);
    }

    /** The resend gate: false (and answered) when an earlier message must come again first. */
    boolean admits(String messageId) {
        String awaited = awaitingResend;
        if (awaited == null) {
            return true;
        }
        if (!awaited.equals(messageId)) {
            error(awaitingResendCode, "message " + awaited + " was not stored: send it again before the messages after it",
                    messageId);
            return false;
        }
        awaitingResend = null;
        return true;
    }

    void following(RaceFeedHub.Registration registration) {
        feed = registration;
    }

    void stopFeed() {
        RaceFeedHub.Registration registration = feed;
        feed = null;
        if (registration != null) {
            registration.close();
        }
    }
}
