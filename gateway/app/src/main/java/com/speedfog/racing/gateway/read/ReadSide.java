package com.speedfog.racing.gateway.read;

import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardQueries.GetLeaderboard;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceDetail;
import com.speedfog.racing.query.race.RacePage;
import com.speedfog.racing.query.race.RaceQueries.*;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.timeline.TimelineEntry;
import com.speedfog.racing.query.timeline.TimelinePage;
import com.speedfog.racing.query.timeline.TimelineQueries.GetTimeline;
import com.speedfog.racing.query.viewer.Viewer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The gateway's one way to read: every read is a query on the query bus carrying its {@link Viewer},
 * answered by the query side as that viewer may see it. (The gateway cannot reach the read models
 * otherwise: {@code projections} is only on its runtime classpath.)
 */
@Component
public class ReadSide {

    private final QueryGateway queries;

    public ReadSide(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<RaceSummary> summary(UUID raceId, Viewer viewer) {
        return ask(new FindRaceSummary(raceId, viewer), RaceSummary.class);
    }

    public Optional<RaceDetail> detail(UUID raceId, Viewer viewer) {
        return ask(new FindRace(raceId, viewer), RaceDetail.class);
    }

    public RacePage list(String status, int page, int size, Viewer viewer) {
        return ask(new ListRaces(status, page, size, viewer), RacePage.class).orElseThrow();
    }

    public Optional<RaceSnapshot> snapshot(UUID raceId, Viewer viewer) {
        return ask(new GetRaceSnapshot(raceId, viewer), RaceSnapshot.class);
    }

    public Optional<Leaderboard> leaderboard(UUID raceId, Viewer viewer) {
        return ask(new GetLeaderboard(raceId, viewer), Leaderboard.class);
    }

    /** The viewer's own participation in the race, with their history. */
    public Optional<ParticipantView> myParticipation(UUID raceId, Viewer viewer) {
        return ask(new FindMyParticipation(raceId, viewer), ParticipantView.class);
    }

    public Optional<ParticipantView> participant(UUID participantId, Viewer viewer) {
        return ask(new FindParticipant(participantId, viewer), ParticipantView.class);
    }

    /** The participant a mod token opens (the token's holder is the viewer). */
    public Optional<ParticipantView> participantByTokenHash(String tokenHash) {
        return ask(new FindParticipantByTokenHash(tokenHash), ParticipantView.class);
    }

    /**
     * Every timeline entry the viewer may see, in store order, page by page (a long race is never held
     * in memory whole).
     *
     * @return false when there is no such race
     */
    public boolean timeline(UUID raceId, Viewer viewer, Consumer<TimelineEntry> sink) {
        GetTimeline query = GetTimeline.first(raceId, viewer);
        while (true) {
            Optional<TimelinePage> page = ask(query, TimelinePage.class);
            if (page.isEmpty()) {
                return false;
            }
            page.get().entries().forEach(sink);
            if (page.get().next() == null) {
                return true;
            }
            query = new GetTimeline(raceId, viewer, page.get().next(), query.limit());
        }
    }

    private <R> Optional<R> ask(Object query, Class<R> answer) {
        try {
            return Optional.ofNullable(queries.query(query, ResponseTypes.instanceOf(answer)).join());
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** The handler's own failure (a database outage is told apart by its type), not the future's wrapper. */
    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof QueryExecutionException q && q.getCause() instanceof RuntimeException inner) {
            return inner;
        }
        return cause instanceof RuntimeException runtime ? runtime : e;
    }
}
