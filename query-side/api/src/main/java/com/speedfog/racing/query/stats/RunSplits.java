package com.speedfog.racing.query.stats;

import java.util.Map;

/**
 * What the split statistics need of one run.
 *
 * @param finishIgtMs   final time; null unless the run finished
 * @param firstArrivals layer → IGT at which the run first reached it
 */
public record RunSplits(RunOutcome outcome, Long finishIgtMs, Map<Integer, Long> firstArrivals) {
}
