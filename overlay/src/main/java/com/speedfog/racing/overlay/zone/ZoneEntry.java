package com.speedfog.racing.overlay.zone;

import java.util.Optional;

/**
 * The player came into {@code node} through a loading screen that began at IGT {@code igtMs}.
 *
 * @param from the node left, when the overlay knew it for sure
 */
public record ZoneEntry(String node, Optional<String> from, long igtMs) {
}
