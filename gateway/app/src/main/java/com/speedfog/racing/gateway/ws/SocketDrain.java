package com.speedfog.racing.gateway.ws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every socket's frames pass through here, so that a stop can let the frames being handled finish (a
 * gameplay message is stored and acknowledged, or not touched at all) and then close every socket with
 * 1001 "going away": overlays and pages reconnect, to another node or to this one once it is back, and
 * overlays send again whatever was not acknowledged. A frame that arrives once the stop has begun is
 * not handled: it is not acknowledged either, so its sender keeps it and sends it again.
 */
@Component
public class SocketDrain {
    private static final Logger log = LoggerFactory.getLogger(SocketDrain.class);
    public static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("the server is stopping");

    private final ExecutorService closers;
    private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();
    /** Frames being handled right now, over every socket. */
    private final AtomicInteger handling = new AtomicInteger();
    private volatile boolean goingAway;

    public SocketDrain(ExecutorService socketSenders) {
        this.closers = socketSenders;
    }

    /** {@code handler} with its sockets and frames tracked for the stop. */
    WebSocketHandler drained(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                open.add(session);
                if (goingAway) { // the handshake passed just as the stop began
                    close(session);
                    return;
                }
                super.afterConnectionEstablished(session);
            }

            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                // Counted before the check: the stop either sees this frame in progress or this frame sees the stop.
                handling.incrementAndGet();
                try {
                    if (!goingAway) {
                        super.handleMessage(session, message);
                    }
                } finally {
                    if (handling.decrementAndGet() == 0 && goingAway) {
                        synchronized (SocketDrain.this) {
                            SocketDrain.this.notifyAll();
                        }
                    }
                }
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                open.remove(session);
                super.afterConnectionClosed(session, status);
            }
        };
    }

    /**
     * Handles no further frame, waits (up to {@code within}) for the frames being handled, then closes
     * every socket with {@link #GOING_AWAY}, waiting for the close frames to leave within the same time.
     */
    public void goAway(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        goingAway = true;
        synchronized (this) {
            while (handling.get() > 0 && System.nanoTime() < deadline) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (handling.get() > 0) {
            log.warn("Stopping: {} socket frame(s) still being handled after {} s; closing their sockets anyway",
                    handling.get(), within.toSeconds());
        }
        List<WebSocketSession> sessions = List.copyOf(open);
        CompletableFuture<?>[] closes = sessions.stream()
                .map(session -> CompletableFuture.runAsync(() -> close(session), closers))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closes).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("Stopping: not every socket took its close frame within {} s", within.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("Stopping: closing the sockets failed: {}", e.getCause().toString());
        }
        log.info("Stopping: {} socket(s) closed with 1001 going away", sessions.size());
    }

    private static void close(WebSocketSession session) {
        // The socket's sender writes under the same lock (OutboundQueue): the close frame never cuts a frame in two.
        synchronized (session) {
            try {
                if (session.isOpen()) {
                    session.close(GOING_AWAY);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("closing {}: {}", session.getId(), e.toString());
            }
        }
    }
}
