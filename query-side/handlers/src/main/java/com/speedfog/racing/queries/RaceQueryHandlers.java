package com.speedfog.racing.queries;

import com.speedfog.racing.projections.race.RaceReadModel;
import com.speedfog.racing.projections.timeline.TimelineReadModel;
import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardQueries.GetLeaderboard;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceDetail;
import com.speedfog.racing.query.race.RacePage;
import com.speedfog.racing.query.race.RaceQueries;
import com.speedfog.racing.query.race.RaceQueries.*;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.timeline.TimelineEntry;
import com.speedfog.racing.query.timeline.TimelinePage;
import com.speedfog.racing.query.timeline.TimelineQueries;
import com.speedfog.racing.query.timeline.TimelineQueries.GetTimeline;
import com.speedfog.racing.query.viewer.Sight;
import com.speedfog.racing.query.viewer.Viewer;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Answers every race query from the read models, each answer as its query's viewer may see it: the
 * visibility rules are {@link Sight}'s, applied here and nowhere else for reads.
 */
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
        return races.detail(query.raceId())
                .map(detail -> Sight.of(query.viewer(), detail.race(), detail.participants()).detail(detail))
                .orElse(null);
    }

    @QueryHandler
    public RaceSummary handle(FindRaceSummary query) {
        return races.summary(query.raceId()).orElse(null);
    }

    @QueryHandler
    public RacePage handle(ListRaces query) {
        int size = Math.max(1, Math.min(query.size(), RaceQueries.MAX_PAGE_SIZE));
        return races.list(query.status(), !query.viewer().admin(), Math.max(0, query.page()), size);
    }

    @QueryHandler
    public ParticipantView handle(FindMyParticipation query) {
        return query.viewer().anonymous() ? null : races.participantOf(query.raceId(), query.viewer().userId()).orElse(null);
    }

    @QueryHandler
    public ParticipantView handle(FindParticipant query) {
        return races.participant(query.participantId())
                .flatMap(p -> races.summary(p.raceId()).map(race -> sight(race, query.viewer()).participant(p)))
                .orElse(null);
    }

    @QueryHandler
    public RaceSnapshot handle(GetRaceSnapshot query) {
        return races.snapshot(query.raceId()).map(snapshot -> Sight.of(query.viewer(), snapshot.detail().race(),
                snapshot.detail().participants()).snapshot(snapshot)).orElse(null);
    }

    @QueryHandler
    public Leaderboard handle(GetLeaderboard query) {
        return races.summary(query.raceId()).flatMap(race -> races.leaderboard(query.raceId())
                .map(sight(race, query.viewer())::leaderboard)).orElse(null);
    }

    @QueryHandler
    public ParticipantView handle(FindParticipantByTokenHash query) {
        return races.participantByTokenHash(query.tokenHash()).orElse(null);
    }

    @QueryHandler
    public TimelinePage handle(GetTimeline query) {
        Optional<RaceSummary> race = races.summary(query.raceId());
        if (race.isEmpty()) {
            return null;
        }
        Sight sight = sight(race.get(), query.viewer());
        int limit = Math.max(1, Math.min(query.limit(), TimelineQueries.MAX_PAGE_SIZE));
        List<TimelineEntry> read = timelines.page(query.raceId(), query.afterSequence(), limit);
        Long next = read.size() < limit ? null : read.get(read.size() - 1).sequence();
        return new TimelinePage(read.stream().filter(sight::shows).toList(), next);
    }

    /** The initial answer of the node's live feed (unfiltered); updates come from the projection. */
    @QueryHandler
    public RaceSnapshot handle(WatchRace query) {
        return races.snapshot(query.raceId()).orElse(null);
    }

    private Sight sight(RaceSummary race, Viewer viewer) {
        return Sight.of(viewer, race, viewer.anonymous() ? Optional.empty() : races.participantOf(race.id(), viewer.userId()));
    }
}
