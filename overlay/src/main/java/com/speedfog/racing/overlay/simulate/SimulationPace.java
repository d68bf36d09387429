package com.speedfog.racing.overlay.simulate;

import java.time.Duration;

/**
 * How the simulated player plays.
 *
 * @param perZone       average wall-clock time spent in a zone
 * @param igtSpeed      in-game time runs this many times faster than the wall clock
 * @param randomSeed    the same seed gives the same run
 * @param deathChance   chance of each of up to two deaths in a zone
 * @param revisitChance chance, when leaving a zone, of first stepping back into the previous one
 */
public record SimulationPace(Duration perZone, double igtSpeed, long randomSeed, double deathChance,
                             double revisitChance) {

    public static final Duration DEFAULT_PER_ZONE = Duration.ofSeconds(20);

    public SimulationPace {
        if (perZone.isNegative() || perZone.isZero()) {
            throw new IllegalArgumentException("--pace must be positive");
        }
        if (!(igtSpeed > 0)) {
            throw new IllegalArgumentException("--speed must be positive");
        }
    }

    public static SimulationPace of(Duration perZone, double igtSpeed, long randomSeed) {
        return new SimulationPace(perZone, igtSpeed, randomSeed, 0.3, 0.15);
    }

    /** How long a loading screen lasts: two seconds, less when zones go by faster than ten seconds. */
    public long loadingMs() {
        return Math.max(1, Math.min(2_000, perZone.toMillis() / 5));
    }
}
