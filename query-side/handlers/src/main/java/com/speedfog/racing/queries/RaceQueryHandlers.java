package com.speedfog.racing.queries;

import com.speedfog.racing.projections.race.RaceReadModel;
import com.speedfog.racing.projections.timeline.TimelineReadModel;
import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardQueries.GetLeaderboard;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceDetail;
import com.speedfog.racing.query.race.RacePage;
import com.speedfog.racing.query.race.RaceQueries.*;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.timeline.TimelineEntry;
import com.speedfog.racing.query.timeline.TimelineQueries.GetTimeline;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers every race query from the read models. */
@Component
public class RaceQueryHandlers {

    private final RaceReadModel races;
    private final TimelineReadModel timelines;

    public RaceQueryHandlers(RaceReadModel races, TimelineReadModel timelines) {
        this.races = races;
        this.timelines = timelines;
    }

    @QueryHandler
    public RaceDetail handle(FindRace query) {
        return races.detail(query.raceId()).orElse(null);
    }

    @QueryHandler
    public RacePage handle(ListRaces query) {
        int size = Math.max(1, Math.min(query.size(), com.speedfog.racing.query.race.RaceQueries.MAX_PAGE_SIZE));
        return races.list(query.status(), query.onlyPublic(), Math.max(0, query.page()), size);
    }

    @QueryHandler
    public List<ParticipantView> handle(GetSpectatorState query) {
        return races.participants(query.raceId());
    }

    @QueryHandler
    public Leaderboard handle(GetLeaderboard query) {
        return races.summary(query.raceId()).flatMap(race -> races.leaderboard(query.raceId())
                .map(board -> races.asSeenBy(board, race, query.viewerUserId()))).orElse(null);
    }

    @QueryHandler
    public ParticipantView handle(FindParticipantByTokenHash query) {
        return races.participantByTokenHash(query.tokenHash()).orElse(null);
    }

    @QueryHandler
    public List<TimelineEntry> handle(GetTimeline query) {
        return timelines.timeline(query.raceId());
    }

    /** The initial answer of a race subscription; updates come from the projection. */
    @QueryHandler
    public RaceSnapshot handle(WatchRace query) {
        return races.snapshot(query.raceId()).orElse(null);
    }
}
