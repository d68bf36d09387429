package com.speedfog.racing.query.stats;

import java.util.Collection;

/**
 * Five numbers summing up a set of times (ms): minimum, quartiles, maximum, and how many there were.
 *
 * <p>Quantiles interpolate linearly between the two closest ranks, as PostgreSQL's
 * {@code percentile_cont} does: with the n values sorted, q(p) = x[i] + f (x[i+1] - x[i]) where
 * i + f = (n - 1) p, rounded to the nearest millisecond (halves up). So the median of an even count is
 * the mean of the two middle values.
 */
public record Distribution(int count, long min, long p25, long median, long p75, long max) {

    /** @return null when there is nothing to sum up */
    public static Distribution of(Collection<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Distribution(sorted.length, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted[sorted.length - 1]);
    }

    /** @param sorted ascending, at least one value */
    public static long quantile(long[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int i = (int) Math.floor(h);
        if (i + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return Math.round(sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]));
    }
}
