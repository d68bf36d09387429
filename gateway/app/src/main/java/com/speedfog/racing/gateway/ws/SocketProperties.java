package com.speedfog.racing.gateway.ws;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits of the WebSockets.
 *
 * @param maxFrameBytes    a larger frame is refused with {@code frame_too_large}
 * @param messagesPerSecond sustained messages a second per connection ({@code rate_limited} beyond)
 * @param burst            how many may come at once
 * @param authTimeout      a mod must authenticate within this (else close 4001)
 * @param pingInterval     heartbeat
 * @param sendQueue        frames queued per socket before it counts as too slow and is closed
 */
@ConfigurationProperties("speedfog.sockets")
public record SocketProperties(@DefaultValue("16384") int maxFrameBytes, @DefaultValue("20") double messagesPerSecond,
                               @DefaultValue("60") double burst, @DefaultValue("5s") Duration authTimeout,
                               @DefaultValue("30s") Duration pingInterval, @DefaultValue("512") int sendQueue) {
}
