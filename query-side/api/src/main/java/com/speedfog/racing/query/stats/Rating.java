package com.speedfog.racing.query.stats;

/**
 * A skill estimate: a normal distribution of mean {@code mu} and deviation {@code sigma}.
 * {@link #ordinal()} is what leaderboards sort by: {@code mu - 3 sigma}, a value the true skill is above
 * with 99.7% confidence, so a newcomer starts at 0 and climbs as the estimate firms up.
 */
public record Rating(double mu, double sigma) {

    public double ordinal() {
        return mu - 3 * sigma;
    }
}
