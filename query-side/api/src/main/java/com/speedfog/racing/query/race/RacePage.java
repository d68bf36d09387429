package com.speedfog.racing.query.race;

import java.util.List;

public record RacePage(List<RaceSummary> races, int page, int size, long total) {
}
