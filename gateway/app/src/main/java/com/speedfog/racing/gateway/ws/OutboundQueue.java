package com.speedfog.racing.gateway.ws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A socket's own bounded send queue, drained by a shared pool: whoever produces a message (the race
 * feed, a heartbeat) only enqueues, so one slow reader never slows anyone else. A socket whose queue
 * overflows is closed with {@link #TOO_SLOW}; its client reconnects and resyncs from a fresh state.
 */
public final class OutboundQueue {
    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);
    public static final CloseStatus TOO_SLOW = new CloseStatus(4008, "too slow: reconnect to resync");

    private final WebSocketSession session;
    private final Executor senders;
    private final BlockingQueue<String> pending;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;
    private volatile CloseStatus closeAfterDrain;

    /** A write the network does not take within this is given up (Tomcat's default is 20 s). */
    static final long SEND_TIMEOUT_MS = 5_000;

    public OutboundQueue(WebSocketSession session, Executor senders, int capacity) {
        this.session = session;
        this.senders = senders;
        this.pending = new ArrayBlockingQueue<>(capacity);
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session jakartaSession) {
            // A stalled reader must not hold a sender thread for long.
            jakartaSession.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", SEND_TIMEOUT_MS);
        }
    }

    public void send(String frame) {
        if (closed) {
            return;
        }
        if (!pending.offer(frame)) {
            closeWith(TOO_SLOW);
            return;
        }
        if (draining.compareAndSet(false, true)) {
            senders.execute(this::drain);
        }
    }

    /** Sends what is queued, then closes: used for a final message such as auth_error. */
    public void sendThenClose(String frame, CloseStatus status) {
        send(frame);
        // The drain that sends the last frame closes, so the close never overtakes it.
        closeAfterDrain = status;
        if (draining.compareAndSet(false, true)) {
            senders.execute(this::drain);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes without waiting: a close frame queues behind a stalled write, and nobody should wait on that. */
    public void closeWith(CloseStatus status) {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        CompletableFuture.runAsync(() -> {
            try {
                if (session.isOpen()) {
                    session.close(status);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("closing {}: {}", session.getId(), e.toString());
            }
        });
    }

    private void drain() {
        try {
            String frame;
            while ((frame = pending.poll()) != null) {
                synchronized (session) {
                    if (!session.isOpen()) {
                        pending.clear();
                        return;
                    }
                    session.sendMessage(new TextMessage(frame));
                }
            }
            CloseStatus finalClose = closeAfterDrain;
            if (finalClose != null && pending.isEmpty()) {
                closeWith(finalClose);
            }
        } catch (IOException | IllegalStateException e) {
            closeWith(CloseStatus.SESSION_NOT_RELIABLE);
        } finally {
            draining.set(false);
            if ((!pending.isEmpty() || closeAfterDrain != null) && !closed && draining.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }
    }
}
