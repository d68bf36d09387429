package com.speedfog.racing.tools.bench;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.loader.WebappLoader;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bare loopback WebSocket broadcast: the same server (Tomcat) and the same client as the live load,
 * with nothing between a message and its sockets but a loop over them. Its throughput and latency are
 * the ceiling the gateway's spectator push is compared with.
 */
final class BroadcastCeiling implements AutoCloseable {

    record Result(double deliveriesPerSecond, Latencies pacedLatency, double pacedDeliveriesPerSecond) {
    }

    /** The server end: every open session, for the broadcaster. */
    public static final class Sink extends Endpoint {
        static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            SESSIONS.add(session);
        }

        @Override
        public void onClose(Session session, jakarta.websocket.CloseReason reason) {
            SESSIONS.remove(session);
        }
    }

    /** Tomcat logs every start and stop at INFO: held here so the level sticks. */
    private static final java.util.logging.Logger TOMCAT_LOG = java.util.logging.Logger.getLogger("org.apache");

    private final Tomcat tomcat = new Tomcat();
    private final List<TextSocket> clients = new ArrayList<>();
    private final LongAdder received = new LongAdder();
    private final Latencies latency = new Latencies();
    private volatile boolean measuring;
    private volatile long pacedFrom;
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4, LiveLoad.daemon("ceiling-socket"));

    BroadcastCeiling(Path work) throws Exception {
        TOMCAT_LOG.setLevel(java.util.logging.Level.WARNING);
        Path base = Files.createDirectories(work.resolve("tomcat"));
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        StandardContext context = (StandardContext) tomcat.addContext("", base.toString());
        // Inside the tools' executable jar: load through this program's class loader, no annotation scanning.
        context.setParentClassLoader(BroadcastCeiling.class.getClassLoader());
        WebappLoader loader = new WebappLoader();
        loader.setDelegate(true);
        context.setLoader(loader);
        context.setIgnoreAnnotations(true);
        context.setClearReferencesRmiTargets(false);
        context.setClearReferencesThreadLocals(false);
        context.setClearReferencesObjectStreamClassCaches(false);
        context.setSkipMemoryLeakChecksOnJvmShutdown(true);
        // the upgrade filter only runs on a request some servlet maps: a do-nothing one catches everything
        Tomcat.addServlet(context, "none", new jakarta.servlet.http.HttpServlet() {
        });
        context.addServletMappingDecoded("/", "none");
        context.addServletContainerInitializer(new WsSci(), null);
        tomcat.start();
        ServerContainer container = (ServerContainer) context.getServletContext().getAttribute(ServerContainer.class.getName());
        container.addEndpoint(ServerEndpointConfig.Builder.create(Sink.class, "/broadcast").build());
    }

    /** Opens {@code sockets} client sockets to the broadcaster. */
    void connect(int sockets) throws InterruptedException {
        URI uri = URI.create("ws://localhost:" + tomcat.getConnector().getLocalPort() + "/broadcast");
        List<HttpClient> https = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            https.add(HttpClient.newBuilder().executor(clientThreads).build());
        }
        for (int i = 0; i < sockets; i++) {
            clients.add(TextSocket.open(https.get(i % https.size()), uri, this::onFrame));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Sink.SESSIONS.size() < sockets && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * Broadcasts frames of {@code frameBytes} to every socket with {@code senders} threads (the gateway
     * uses 8): first as fast as they go for {@code duration}, then paced at {@code pacedPerSecond}
     * broadcasts a second for the latency.
     */
    Result measure(int frameBytes, int senders, Duration duration, double pacedPerSecond) throws Exception {
        List<Session> sessions = new ArrayList<>(Sink.SESSIONS);
        ExecutorService sending = Executors.newFixedThreadPool(senders, LiveLoad.daemon("ceiling-send"));
        try {
            String padding = "x".repeat(Math.max(0, frameBytes - 40));
            long received0 = received.sum();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                broadcast(sessions, padding, senders, sending);
            }
            drain();
            double fast = (received.sum() - received0) / ((System.nanoTime() - start) / 1e9);
            pacedFrom = System.nanoTime(); // frames of the flat-out phase still arriving are not paced samples
            measuring = true;
            long paced0 = received.sum();
            long pacedStart = System.nanoTime();
            long interval = (long) (1e9 / Math.max(0.1, pacedPerSecond));
            for (long next = pacedStart; next < pacedStart + duration.toNanos(); next += interval) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                broadcast(sessions, padding, senders, sending);
            }
            double pacedSeconds = (System.nanoTime() - pacedStart) / 1e9;
            drain();
            measuring = false;
            double paced = (received.sum() - paced0) / pacedSeconds;
            return new Result(fast, latency, paced);
        } finally {
            sending.shutdownNow();
        }
    }

    /** One message to every session: the sessions split among the sender threads, like the gateway's pool. */
    private void broadcast(List<Session> sessions, String padding, int senders, ExecutorService sending) throws InterruptedException {
        String frame = "{\"t\":" + System.nanoTime() + ",\"p\":\"" + padding + "\"}";
        CountDownLatch done = new CountDownLatch(senders);
        for (int k = 0; k < senders; k++) {
            int slice = k;
            sending.execute(() -> {
                for (int i = slice; i < sessions.size(); i += senders) {
                    try {
                        sessions.get(i).getBasicRemote().sendText(frame);
                    } catch (IOException | IllegalStateException closed) {
                        // a closed socket just gets nothing
                    }
                }
                done.countDown();
            });
        }
        done.await();
    }

    /** Waits until the clients have read everything sent (nothing new for 300 ms, at most 30 s). */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long before = -1;
        while (received.sum() != before && System.nanoTime() < deadline) {
            before = received.sum();
            Thread.sleep(300);
        }
    }

    private void onFrame(String frame) {
        long now = System.nanoTime();
        received.increment();
        if (measuring) {
            long sent = Long.parseLong(frame.substring(5, frame.indexOf(',')));
            if (sent >= pacedFrom) {
                latency.add((now - sent) / 1000);
            }
        }
    }

    @Override
    public void close() throws Exception {
        clients.forEach(TextSocket::close);
        tomcat.stop();
        tomcat.destroy();
        clientThreads.shutdownNow();
        Sink.SESSIONS.clear();
    }
}
