package com.speedfog.racing.overlay.connection;

import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.Wire;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The player's connection to {@code /ws/mod/{race_id}}: authenticates, answers pings, reconnects with
 * a growing delay, and delivers every gameplay message through the {@link Outbox} so that each one
 * reaches the server exactly once however often the connection drops.
 *
 * <p>All state lives on one thread of its own; socket callbacks are handed over to it. A message is
 * sent at most once per connection and again on every new connection until it is acknowledged.
 * Gameplay messages leave at most {@link ConnectionOptions#sendRatePerSecond()} a second (after a
 * burst of {@link ConnectionOptions#sendBurst()}), so a long outbox never trips the server's rate
 * limit. An {@code error} by which the server says it could not store a message now
 * ({@link #SEND_AGAIN}) keeps the message: the connection is reopened and every unacknowledged
 * message is sent again, in order.
 */
public final class RaceConnection implements AutoCloseable {

    public static final int CLOSE_AUTH_TIMEOUT = 4001;
    public static final int CLOSE_TOKEN_REFUSED = 4003;
    public static final int CLOSE_REPLACED = 4009;
    /**
     * Error codes meaning "not stored, send it again" (docs/protocol.md): the server was unavailable, failed
     * inside, or was sent too much at once. Any other error naming a message refuses it for good.
     */
    public static final Set<String> SEND_AGAIN = Set.of("unavailable", "internal_error", "rate_limited");

    private final ConnectionOptions options;
    private final Outbox outbox;
    private final ConnectionListener listener;
    private final Consumer<String> log;
    private final HttpClient http;
    private final ScheduledExecutorService thread;

    // Everything below is touched only on `thread`.
    private final Backoff backoff;
    private final Set<String> sentOnThisConnection = new HashSet<>();
    private ConnectionState state = ConnectionState.CONNECTING;
    private int attempt;
    private WebSocket socket;
    private boolean authenticated;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private long lastFrameNanos;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> pacedSend;
    private boolean pacedSendScheduled;
    private double sendTokens;
    private long sendTokensAtNanos;
    private volatile ConnectionState publishedState = ConnectionState.CONNECTING;
    private volatile Supplier<ModMessage.ZoneQuery> whereAmI = () -> new ModMessage.ZoneQuery(null, null, null, null, null);

    public RaceConnection(ConnectionOptions options, Outbox outbox, ConnectionListener listener, Consumer<String> log) {
        this.options = options;
        this.outbox = outbox;
        this.listener = listener;
        this.log = log;
        this.backoff = new Backoff(options.firstRetry(), options.maxRetry());
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "race-connection");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Starts connecting; the outbox left by an earlier run is sent once authenticated. */
    public void start() {
        thread.execute(() -> {
            if (outbox.size() > 0) {
                log.accept(outbox.size() + " message(s) from an earlier run wait in the outbox: they will be sent");
            }
            connect();
            long period = Math.max(1, options.silenceLimit().toMillis() / 5);
            watchdog = thread.scheduleWithFixedDelay(this::checkSilence, period, period, TimeUnit.MILLISECONDS);
        });
    }

    /**
     * Gives {@code message} a message id, writes it to the outbox on disk (before this returns), and
     * sends it as soon as the connection is authenticated.
     *
     * @return the message id given
     */
    public String submit(ModMessage.Gameplay message) {
        String id = MessageIds.newId();
        String frame = Wire.write(MessageIds.withId(message, id));
        try {
            outbox.add(new OutboxEntry(id, frame));
        } catch (IOException e) {
            log.accept("could not write the outbox to disk (" + e.getMessage() + "): the message is kept in memory only");
        }
        thread.execute(this::sendPending);
        return id;
    }

    /**
     * What to put in the {@code zone_query} sent after each {@code auth_ok} (by default nothing: the
     * server answers from the zone it last stored for this player).
     */
    public void whereAmI(Supplier<ModMessage.ZoneQuery> query) {
        this.whereAmI = query;
    }

    public ConnectionState state() {
        return publishedState;
    }

    public int pendingMessages() {
        return outbox.size();
    }

    /** Closes the socket politely and stops retrying. Unacknowledged messages stay in the outbox file. */
    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                cancelTimers();
                WebSocket open = socket;
                socket = null;
                authenticated = false;
                changeState(ConnectionState.CLOSED, "");
                if (open != null) {
                    sending.handle((r, e) -> open.sendClose(WebSocket.NORMAL_CLOSURE, "overlay closed"))
                            .orTimeout(2, TimeUnit.SECONDS)
                            .whenComplete((r, e) -> closed.complete(null));
                } else {
                    closed.complete(null);
                }
            });
            closed.get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing anyway: the server sees the socket drop.
        } finally {
            thread.shutdownNow();
        }
    }

    // ---- the connection's own thread

    private void connect() {
        if (state.isFinal()) {
            return;
        }
        int current = ++attempt;
        changeState(current == 1 ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING,
                "connecting to " + options.socketUri());
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(options.socketUri(), new SocketListener(current))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        thread.execute(() -> lost(current, "cannot connect: " + rootMessage(error)));
                    }
                });
    }

    private void opened(int from, WebSocket ws) {
        if (from != attempt || state.isFinal()) {
            ws.abort();
            return;
        }
        socket = ws;
        authenticated = false;
        sentOnThisConnection.clear();
        sending = CompletableFuture.completedFuture(null);
        lastFrameNanos = System.nanoTime();
        sendTokens = options.sendBurst(); // the server's rate limit is per connection and starts full
        sendTokensAtNanos = lastFrameNanos;
        send(Wire.write(new ModMessage.Auth(options.modToken(), ConnectionOptions.PROTOCOL_VERSION, options.clientVersion())));
    }

    private void received(int from, String frame) {
        if (from != attempt || socket == null) {
            return;
        }
        lastFrameNanos = System.nanoTime();
        ServerMessage message;
        try {
            message = Wire.readServer(frame);
        } catch (Wire.WireException e) {
            log.accept("ignored a frame from the server: " + e.getMessage());
            return;
        }
        if (message instanceof ServerMessage.AuthOk ok) {
            authenticated = true;
            backoff.reset();
            changeState(ConnectionState.CONNECTED, "");
            listener.authenticated(ok);
            askWhereAmI();
            sendPending();
        } else if (message instanceof ServerMessage.AuthError error) {
            stopFor(ConnectionState.REFUSED, "the server refused this mod token (" + error.message()
                    + "): check speedfog_race.toml comes from your own, current seed pack");
        } else if (message instanceof ServerMessage.Ping) {
            send(Wire.write(new ModMessage.Pong()));
        } else if (message instanceof ServerMessage.Ack ack) {
            forget(ack.messageId());
            listener.acknowledged(ack.messageId());
        } else if (message instanceof ServerMessage.Error error) {
            if (SEND_AGAIN.contains(error.code())) {
                log.accept("the server could not take " + (error.messageId() == null ? "a message" : "message " + error.messageId())
                        + " now (" + error.code() + "): it stays in the outbox and is sent again after reconnecting");
                lost(from, "the server could not store a message now (" + error.code() + ")");
                return;
            }
            if (error.messageId() != null) {
                forget(error.messageId());
                log.accept("the server refused message " + error.messageId() + " for good: " + error.code()
                        + " (" + error.message() + ")");
            } else {
                log.accept("server error: " + error.code() + " (" + error.message() + ")");
            }
            listener.refused(error);
        } else if (message instanceof ServerMessage.RaceStatusChange change) {
            listener.raceStatusChanged(change);
        } else if (message instanceof ServerMessage.RaceStart start) {
            listener.raceStarted(start);
        } else if (message instanceof ServerMessage.LeaderboardUpdate update) {
            listener.leaderboardChanged(update);
        } else if (message instanceof ServerMessage.ZoneUpdate update) {
            listener.zoneChanged(update);
        }
    }

    private void closedByServer(int from, int code, String reason) {
        if (from != attempt || state.isFinal()) {
            return;
        }
        socket = null;
        authenticated = false;
        if (code == CLOSE_TOKEN_REFUSED) {
            stopFor(ConnectionState.REFUSED, "the server refused this mod token: check speedfog_race.toml comes "
                    + "from your own, current seed pack");
        } else if (code == CLOSE_REPLACED) {
            stopFor(ConnectionState.REPLACED, "another overlay connected with your token and took over; "
                    + "this one stopped (restart it to take over again)");
        } else {
            lost(from, "closed by the server (" + code + (reason == null || reason.isBlank() ? "" : " " + reason) + ")");
        }
    }

    /** The attempt failed or the connection dropped: try again after the next delay. */
    private void lost(int from, String why) {
        if (from != attempt || state.isFinal()) {
            return;
        }
        if (socket != null) {
            socket.abort();
            socket = null;
        }
        authenticated = false;
        Duration delay = backoff.next();
        changeState(ConnectionState.RECONNECTING, why + "; retrying in " + describe(delay));
        attempt++; // late callbacks of the lost socket are ignored from now on
        retry = thread.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopFor(ConnectionState finalState, String why) {
        cancelTimers();
        if (socket != null) {
            socket.abort();
            socket = null;
        }
        authenticated = false;
        log.accept(why);
        changeState(finalState, why);
    }

    private void checkSilence() {
        if (socket != null && System.nanoTime() - lastFrameNanos > options.silenceLimit().toNanos()) {
            lost(attempt, "no word from the server for " + describe(options.silenceLimit()));
        }
    }

    /**
     * Sends, in outbox order, each pending message not yet sent on this connection, as fast as the
     * send rate allows; the rest goes when the rate allows again.
     */
    private void sendPending() {
        if (!authenticated || socket == null) {
            return;
        }
        for (OutboxEntry entry : outbox.pending()) {
            if (sentOnThisConnection.contains(entry.messageId())) {
                continue;
            }
            if (!takeSendToken()) {
                sendPendingLater();
                return;
            }
            sentOnThisConnection.add(entry.messageId());
            send(entry.frame());
        }
    }

    /**
     * After a reconnect or a restart the window has no exits until the next gate: ask. A query, not
     * gameplay: no message id, no outbox (the server neither stores nor acknowledges it).
     */
    private void askWhereAmI() {
        ModMessage.ZoneQuery query;
        try {
            query = whereAmI.get();
        } catch (RuntimeException e) {
            query = new ModMessage.ZoneQuery(null, null, null, null, null);
        }
        takeSendToken(); // it counts against the server's rate limit too; the bucket is full after auth
        send(Wire.write(query));
    }

    /** A token bucket: {@code sendRatePerSecond} tokens a second, at most {@code sendBurst} saved up. */
    private boolean takeSendToken() {
        long now = System.nanoTime();
        sendTokens = Math.min(options.sendBurst(), sendTokens + (now - sendTokensAtNanos) / 1e9 * options.sendRatePerSecond());
        sendTokensAtNanos = now;
        if (sendTokens >= 1) {
            sendTokens -= 1;
            return true;
        }
        return false;
    }

    private void sendPendingLater() {
        if (pacedSendScheduled) {
            return;
        }
        pacedSendScheduled = true;
        long waitNanos = (long) Math.ceil((1 - sendTokens) / options.sendRatePerSecond() * 1e9);
        pacedSend = thread.schedule(() -> {
            pacedSendScheduled = false;
            sendPending();
        }, Math.max(1_000_000, waitNanos), TimeUnit.NANOSECONDS);
    }

    /** Queues a frame behind the ones being sent (the JDK socket takes one send at a time). */
    private void send(String frame) {
        WebSocket ws = socket;
        int from = attempt;
        sending = sending.thenCompose(ignored -> ws.sendText(frame, true))
                .exceptionally(error -> {
                    thread.execute(() -> lost(from, "sending failed: " + rootMessage(error)));
                    return null;
                });
    }

    private void forget(String messageId) {
        try {
            outbox.remove(messageId);
        } catch (IOException e) {
            log.accept("could not update the outbox on disk (" + e.getMessage() + ")");
        }
    }

    private void changeState(ConnectionState next, String detail) {
        state = next;
        publishedState = next;
        listener.stateChanged(next, detail);
    }

    private void cancelTimers() {
        if (retry != null) {
            retry.cancel(false);
        }
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        if (pacedSend != null) {
            pacedSend.cancel(false);
        }
    }

    private static String describe(Duration delay) {
        long millis = delay.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Collects frames of one socket and hands them to the connection thread. */
    private final class SocketListener implements WebSocket.Listener {
        private final int from;
        private final StringBuilder partial = new StringBuilder();

        SocketListener(int from) {
            this.from = from;
        }

        @Override
        public void onOpen(WebSocket ws) {
            thread.execute(() -> opened(from, ws));
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                thread.execute(() -> received(from, frame));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            thread.execute(() -> closedByServer(from, statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            thread.execute(() -> lost(from, "connection lost: " + rootMessage(error)));
        }
    }
}
