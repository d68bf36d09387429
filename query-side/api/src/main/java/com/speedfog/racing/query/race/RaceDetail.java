package com.speedfog.racing.query.race;

import java.util.List;

/** A race with its roster, each participant with their zone history, in registration order. */
public record RaceDetail(RaceSummary race, List<ParticipantView> participants) {
}
