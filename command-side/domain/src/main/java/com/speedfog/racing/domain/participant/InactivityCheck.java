package com.speedfog.racing.domain.participant;

import java.time.Instant;

/** Payload of the inactivity deadline: which run it watches (a reset race runs again) and when it was due. */
public record InactivityCheck(int run, Instant at) {
}
