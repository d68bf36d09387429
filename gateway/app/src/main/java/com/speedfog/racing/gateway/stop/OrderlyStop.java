package com.speedfog.racing.gateway.stop;

import com.speedfog.racing.gateway.ws.SocketDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The first step of a stop (SIGTERM, Ctrl+C): from here on new HTTP requests and new sockets are
 * answered 503 ({@link RefuseWhileStopping}); socket frames being handled finish and every socket is
 * closed with 1001 so that clients reconnect elsewhere ({@link SocketDrain}). Spring then stops the
 * rest, later phases first (docs/reliability.md, "Stopping"): the web server lets in-flight requests
 * finish, Axon stops its event processors, and the beans go in dependency order, db-scheduler, the
 * connection pool and last the embedded PostgreSQL they all stand on.
 */
@Component
public class OrderlyStop implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OrderlyStop.class);
    /** Before Spring Boot's graceful shutdown of the web server (DEFAULT_PHASE - 1024) and everything else. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE;
    /** The most a stop waits for the socket frames being handled (a command takes milliseconds). */
    static final Duration SOCKET_FRAMES_WAIT = Duration.ofSeconds(3);

    private final SocketDrain sockets;
    private volatile boolean running;
    private volatile boolean stopping;

    public OrderlyStop(SocketDrain sockets) {
        this.sockets = sockets;
    }

    /** True once the stop has begun: new work is refused. */
    public boolean stopping() {
        return stopping;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        stopping = true;
        log.info("Stopping: new requests and sockets are refused (503)");
        sockets.goAway(SOCKET_FRAMES_WAIT);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
