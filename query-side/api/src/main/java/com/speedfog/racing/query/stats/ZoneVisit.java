package com.speedfog.racing.query.stats;

/**
 * One entry into a node during a run, as the events tell it.
 *
 * @param nodeId        the node entered; null for the start node (where a run begins, before any fog gate)
 * @param layer         the node's layer
 * @param enteredIgtMs  IGT at the entry
 * @param deathsAtEntry the run's death count at the entry
 */
public record ZoneVisit(String nodeId, int layer, long enteredIgtMs, int deathsAtEntry) {
}
