package com.speedfog.racing.overlay.connection;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * How to reach and talk to the race server.
 *
 * @param silenceLimit      with no frame at all for this long (the server pings every 30 s) the
 *                          connection is taken for dead and replaced
 * @param sendRatePerSecond gameplay messages sent a second at most, on average (the server refuses more
 *                          than 20 a second with {@code rate_limited}; a long outbox is drained at this pace)
 * @param sendBurst         how many gameplay messages may leave at once
 */
public record ConnectionOptions(URI socketUri, String modToken, String clientVersion, Duration firstRetry,
                                Duration maxRetry, Duration silenceLimit, double sendRatePerSecond, int sendBurst) {

    public static final int PROTOCOL_VERSION = 1;
    public static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofSeconds(75);
    /** Half the server's default sustained limit (20 a second) and its burst (60): room for network jitter. */
    public static final double DEFAULT_SEND_RATE_PER_SECOND = 10;
    public static final int DEFAULT_SEND_BURST = 30;

    public ConnectionOptions {
        if (!(sendRatePerSecond > 0) || sendBurst < 1) {
            throw new IllegalArgumentException("the send rate and burst must be positive");
        }
    }

    /** Defaults for players: retry after 1 s, doubling up to 30 s. */
    public static ConnectionOptions forRace(URI serverUrl, UUID raceId, String modToken, String clientVersion) {
        return new ConnectionOptions(modSocket(serverUrl, raceId), modToken, clientVersion, Backoff.DEFAULT_FIRST,
                Backoff.DEFAULT_MAX, DEFAULT_SILENCE_LIMIT, DEFAULT_SEND_RATE_PER_SECOND, DEFAULT_SEND_BURST);
    }

    public ConnectionOptions withRetries(Duration first, Duration max) {
        return new ConnectionOptions(socketUri, modToken, clientVersion, first, max, silenceLimit, sendRatePerSecond, sendBurst);
    }

    public ConnectionOptions withSilenceLimit(Duration limit) {
        return new ConnectionOptions(socketUri, modToken, clientVersion, firstRetry, maxRetry, limit, sendRatePerSecond, sendBurst);
    }

    public ConnectionOptions withSendRate(double perSecond, int burst) {
        return new ConnectionOptions(socketUri, modToken, clientVersion, firstRetry, maxRetry, silenceLimit, perSecond, burst);
    }

    /** {@code <server url>/ws/mod/<race id>}; the server url is a base such as ws://host:8080 (a path prefix is kept). */
    public static URI modSocket(URI serverUrl, UUID raceId) {
        String base = serverUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/ws/mod/" + raceId);
    }

    @Override
    public String toString() {
        return "ConnectionOptions[" + socketUri + ", client " + clientVersion + ", token hidden]";
    }
}
