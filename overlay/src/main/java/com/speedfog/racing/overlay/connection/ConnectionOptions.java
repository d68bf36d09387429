package com.speedfog.racing.overlay.connection;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * How to reach and talk to the race server.
 *
 * @param silenceLimit with no frame at all for this long (the server pings every 30 s) the
 *                     connection is taken for dead and replaced
 */
public record ConnectionOptions(URI socketUri, String modToken, String clientVersion, Duration firstRetry,
                                Duration maxRetry, Duration silenceLimit) {

    public static final int PROTOCOL_VERSION = 1;
    public static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofSeconds(75);

    /** Defaults for players: retry after 1 s, doubling up to 30 s. */
    public static ConnectionOptions forRace(URI serverUrl, UUID raceId, String modToken, String clientVersion) {
        return new ConnectionOptions(modSocket(serverUrl, raceId), modToken, clientVersion, Backoff.DEFAULT_FIRST,
                Backoff.DEFAULT_MAX, DEFAULT_SILENCE_LIMIT);
    }

    public ConnectionOptions withRetries(Duration first, Duration max) {
        return new ConnectionOptions(socketUri, modToken, clientVersion, first, max, silenceLimit);
    }

    public ConnectionOptions withSilenceLimit(Duration limit) {
        return new ConnectionOptions(socketUri, modToken, clientVersion, firstRetry, maxRetry, limit);
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
