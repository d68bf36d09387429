package com.speedfog.racing.query.race;

import com.speedfog.racing.query.leaderboard.Leaderboard;

/** Everything a live page needs at once: the race, its participants and its leaderboard. */
public record RaceSnapshot(RaceDetail detail, Leaderboard leaderboard) {
}
