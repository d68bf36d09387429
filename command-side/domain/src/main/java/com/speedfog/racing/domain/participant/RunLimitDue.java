package com.speedfog.racing.domain.participant;

/** Payload of a training run's time limit: for the run not begun yet (0) or for its n-th start. */
public record RunLimitDue(int run) {
}
