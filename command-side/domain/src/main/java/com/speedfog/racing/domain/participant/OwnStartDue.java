package com.speedfog.racing.domain.participant;

import java.time.Instant;

/** Payload of a player's own start deadline: which countdown it ends. */
public record OwnStartDue(Instant startsAt) {
}
