package com.speedfog.racing.domain.race;

import java.time.Instant;

/** Payload of the close deadline: which close it is for (a reset race that runs again has another). */
public record CloseDue(Instant closesAt) {
}
