package com.speedfog.racing.query.leaderboard;

import java.util.UUID;

/**
 * What the ranking needs to know of one participant.
 *
 * @param status            registered, ready, playing, finished, abandoned or disqualified (lower case)
 * @param closed            the race ended their participation (a runner still playing at a forced finish is
 *                          a DNF and ranks with the abandoned)
 * @param layer             layer high-water mark
 * @param layerEntryIgtMs   IGT at which that layer was first reached; null before any
 * @param igtMs             latest known IGT
 * @param finishIgtMs       final time when finished
 * @param registrationOrder 0 for the first player registered: the last tie-breaker
 */
public record Standing(UUID participantId, String name, String status, boolean closed, int layer,
                       Long layerEntryIgtMs, long igtMs, int deathCount, Long finishIgtMs, int colorIndex,
                       int registrationOrder) {
}
