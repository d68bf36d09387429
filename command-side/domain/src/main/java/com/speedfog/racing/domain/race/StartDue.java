package com.speedfog.racing.domain.race;

import java.time.Instant;

/** Payload of the start deadline: which scheduled start it is for. */
public record StartDue(Instant startAt) {
}
