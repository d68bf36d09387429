package com.speedfog.racing.overlay.testing;

import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.Wire;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket server on loopback that speaks the mod protocol the way the gateway does, as far
 * as the overlay can tell: {@code /ws/mod/{race}}, auth → auth_ok / auth_error + 4003, ack per
 * message_id (a repeated id is acknowledged again but applied once), ping, and closes on demand.
 * Like the gateway it answers every accepted {@code zone_entered} with a {@code zone_update}, and a
 * {@code zone_query} (never acknowledged, never applied) with the zone it last stored for the player.
 */
public final class FakeRaceServer extends WebSocketServer implements AutoCloseable {

    public static final String TOKEN = "good-token-0123456789";
    public static final UUID RACE = UUID.fromString("3f2b8c1e-0000-4000-8000-000000000001");
    public static final String SELF = "p-self";

    /** One accepted socket and what came over it, in order. */
    public static final class Connection {
        public final WebSocket socket;
        public final long openedAtNanos = System.nanoTime();
        public final String path;
        public final List<ModMessage> received = new CopyOnWriteArrayList<>();
        volatile boolean authenticated;
        /** The message last answered "send it again": nothing later on this socket is applied before it. */
        volatile String awaitingResend;

        Connection(WebSocket socket, String path) {
            this.socket = socket;
            this.path = path;
        }

        /** Gameplay to store: everything but {@code zone_query}, which only asks. */
        public List<ModMessage.Gameplay> gameplay() {
            return received.stream().filter(ModMessage.Gameplay.class::isInstance)
                    .filter(m -> !(m instanceof ModMessage.ZoneQuery)).map(ModMessage.Gameplay.class::cast).toList();
        }

        public List<ModMessage.ZoneQuery> zoneQueries() {
            return received.stream().filter(ModMessage.ZoneQuery.class::isInstance).map(ModMessage.ZoneQuery.class::cast).toList();
        }

        public List<String> gameplayIds() {
            return gameplay().stream().map(ModMessage.Gameplay::messageId).toList();
        }
    }

    private final CountDownLatch started = new CountDownLatch(1);
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Map<WebSocket, Connection> bySocket = new ConcurrentHashMap<>();
    private final Set<String> appliedIds = ConcurrentHashMap.newKeySet();
    private final List<ModMessage.Gameplay> applied = new CopyOnWriteArrayList<>();
    private volatile boolean acknowledging = true;
    private volatile Integer closeEveryConnectionWith;
    private volatile String raceStatus = "running";
    private volatile Set<Long> refusedFlags = new HashSet<>();
    private final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String failureCode;
    /** The zone stored for the player: what a zone_query is answered with. */
    private volatile ServerMessage.ZoneUpdate zone;
    /** When each gameplay frame arrived (System.nanoTime), in arrival order over all connections. */
    private final List<Long> gameplayArrivals = new CopyOnWriteArrayList<>();

    public FakeRaceServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    public static FakeRaceServer started() throws InterruptedException {
        FakeRaceServer server = new FakeRaceServer();
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("test WebSocket server did not start");
        }
        return server;
    }

    /** The server url as speedfog_race.toml holds it. */
    public URI baseUrl() {
        return URI.create("ws://127.0.0.1:" + getPort());
    }

    public void acknowledging(boolean ack) {
        this.acknowledging = ack;
    }

    /** Every new socket is closed with {@code code} at once (a server that keeps failing). */
    public void closeEveryConnectionWith(Integer code) {
        this.closeEveryConnectionWith = code;
    }

    public void raceStatus(String status) {
        this.raceStatus = status;
    }

    /** event_flag with one of these ids is answered with an error carrying its message_id. */
    public void refuseFlags(Set<Long> flags) {
        this.refusedFlags = Set.copyOf(flags);
    }

    /**
     * The next {@code count} gameplay messages are answered {@code error {code, message_id}} and not
     * applied, like a gateway whose database is down ({@code unavailable}); as on the gateway, every
     * later message on the same socket is refused the same way until the refused one comes again, so none overtakes it.
     */
    public void failNext(int count, String code) {
        this.failureCode = code;
        failuresLeft.set(count);
    }

    /** Where the server believes the player is (as if stored by an earlier run); null: nowhere yet. */
    public void zone(ServerMessage.ZoneUpdate zone) {
        this.zone = zone;
    }

    public ServerMessage.ZoneUpdate zone() {
        return zone;
    }

    public List<Long> gameplayArrivals() {
        return List.copyOf(gameplayArrivals);
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    public Connection connection(int index) {
        return connections.get(index);
    }

    public Connection last() {
        return connections.get(connections.size() - 1);
    }

    /** Gameplay applied (stored), each message_id once. */
    public List<ModMessage.Gameplay> applied() {
        return List.copyOf(applied);
    }

    public void send(ServerMessage message) {
        for (Connection c : connections) {
            if (c.socket.isOpen() && c.authenticated) {
                c.socket.send(Wire.write(message));
            }
        }
    }

    /** Drops the TCP connection without a close handshake, like a network failure. */
    public void dropAll() {
        connections.forEach(c -> {
            if (c.socket.isOpen()) {
                c.socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
            }
        });
    }

    public void closeAll(int code, String reason) {
        connections.forEach(c -> {
            if (c.socket.isOpen()) {
                c.socket.close(code, reason);
            }
        });
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        Connection connection = new Connection(socket, handshake.getResourceDescriptor());
        connections.add(connection);
        bySocket.put(socket, connection);
        Integer closeWith = closeEveryConnectionWith;
        if (closeWith != null) {
            socket.close(closeWith, "test server refuses to work");
        } else if (!connection.path.equals("/ws/mod/" + RACE)) {
            socket.close(CloseFrame.POLICY_VALIDATION, "unknown race");
        }
    }

    @Override
    public void onMessage(WebSocket socket, String frame) {
        Connection connection = bySocket.get(socket);
        ModMessage message;
        try {
            message = Wire.readMod(frame);
        } catch (Wire.WireException e) {
            socket.send(Wire.write(new ServerMessage.Error(e.code(), e.getMessage(), null)));
            return;
        }
        connection.received.add(message);
        if (message instanceof ModMessage.Auth auth) {
            if (TOKEN.equals(auth.modToken())) {
                connection.authenticated = true;
                socket.send(Wire.write(authOk()));
            } else {
                socket.send(Wire.write(new ServerMessage.AuthError("invalid token")));
                socket.close(4003, "invalid token");
            }
        } else if (message instanceof ModMessage.ZoneQuery && connection.authenticated) {
            ServerMessage.ZoneUpdate known = zone;
            if (known != null) {
                socket.send(Wire.write(known));
            }
        } else if (message instanceof ModMessage.Gameplay gameplay && connection.authenticated) {
            gameplayArrivals.add(System.nanoTime());
            String awaited = connection.awaitingResend;
            if (awaited != null && !awaited.equals(gameplay.messageId())) {
                // As the gateway does: a later message must not overtake the one that was not stored.
                socket.send(Wire.write(new ServerMessage.Error(failureCode, "send " + awaited + " again first", gameplay.messageId())));
                return;
            }
            connection.awaitingResend = null;
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                connection.awaitingResend = gameplay.messageId();
                socket.send(Wire.write(new ServerMessage.Error(failureCode, "cannot store this now", gameplay.messageId())));
                return;
            }
            if (gameplay instanceof ModMessage.EventFlag flag && refusedFlags.contains(flag.flagId())) {
                socket.send(Wire.write(new ServerMessage.Error("unknown_flag", "no such flag", gameplay.messageId())));
                return;
            }
            if (appliedIds.add(gameplay.messageId())) {
                applied.add(gameplay);
            }
            if (acknowledging) {
                socket.send(Wire.write(new ServerMessage.Ack(gameplay.messageId())));
            }
            if (gameplay instanceof ModMessage.ZoneEntered entered) {
                zone = new ServerMessage.ZoneUpdate(entered.toZone(), entered.toZone(), null, 0, List.of());
                socket.send(Wire.write(zone));
            }
        }
    }

    private ServerMessage.AuthOk authOk() {
        return new ServerMessage.AuthOk(SELF,
                new ServerMessage.RaceInfo(RACE, "Test race", raceStatus, null,
                        "running".equals(raceStatus) ? Instant.now() : null, null, null),
                new ServerMessage.SeedInfo(13, List.of(), null),
                new ArrayList<>(List.of(new ServerMessage.LeaderboardEntry(SELF, "Me", "ready", 0, 0, 0, false, null, 0),
                        new ServerMessage.LeaderboardEntry("p-2", "Rival", "playing", 3, 50_000, 1, false, null, 1))));
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
