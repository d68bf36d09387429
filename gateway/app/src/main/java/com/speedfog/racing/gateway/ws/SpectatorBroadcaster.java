package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.live.RaceFeedHub;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardEntry;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.race.RaceUpdate;
import com.speedfog.racing.query.viewer.Sight;
import com.speedfog.racing.query.viewer.Viewer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What spectators of a race are sent: {@code race_state}, then every change from the node's race feed
 * as their viewer may see it (the feed applies the viewer's {@link Sight}; one frame per audience and
 * update), and {@code spectator_count} on every join and leave.
 */
@Component
class SpectatorBroadcaster {

    /** One spectator socket. */
    static final class Spectator {
        final UUID raceId;
        final OutboundQueue out;
        final RateLimiter limiter = new RateLimiter(5, 20);
        volatile String lastStatus;
        volatile Instant lastScheduledStart;
        volatile Sight lastSight;
        volatile RaceFeedHub.Registration feed;

        Spectator(UUID raceId, OutboundQueue out) {
            this.raceId = raceId;
            this.out = out;
        }

        /** From now on this socket watches as {@code viewer}: it gets the state again, as that viewer sees it. */
        void viewAs(Viewer viewer) {
            feed.viewAs(viewer);
        }
    }

    private final RaceFeedHub feeds;
    private final SeedGraphs seeds;
    private final Map<String, Spectator> bySession = new ConcurrentHashMap<>();

    SpectatorBroadcaster(RaceFeedHub feeds, SeedGraphs seeds) {
        this.feeds = feeds;
        this.seeds = seeds;
    }

    /** A new spectator: registered, counted, and given the race's state then its changes. */
    Spectator join(String sessionId, UUID raceId, Viewer viewer, OutboundQueue out) {
        Spectator spectator = new Spectator(raceId, out);
        bySession.put(sessionId, spectator);
        spectator.feed = feeds.listen(raceId, viewer, new RaceFeedHub.Listener() {
            @Override
            public void onSnapshot(RaceSnapshot seen, Sight sight) {
                if (seen != null) {
                    sendState(spectator, seen, sight);
                }
            }

            @Override
            public void onUpdate(RaceFeedHub.SeenUpdate update, Sight sight) {
                push(spectator, update, sight);
            }
        });
        broadcastCount(raceId);
        return spectator;
    }

    Spectator bySession(String sessionId) {
        return bySession.get(sessionId);
    }

    void leave(String sessionId) {
        Spectator spectator = bySession.remove(sessionId);
        if (spectator != null) {
            if (spectator.feed != null) {
                spectator.feed.close();
            }
            broadcastCount(spectator.raceId);
        }
    }

    int spectatorCount(UUID raceId) {
        return (int) bySession.values().stream().filter(s -> s.raceId.equals(raceId)).count();
    }

    void forEach(Consumer<Spectator> action) {
        bySession.values().forEach(action);
    }

    /** {@code race_state} then {@code leaderboard_update}, from a snapshot already filtered for this viewer. */
    private void sendState(Spectator spectator, RaceSnapshot seen, Sight sight) {
        RaceSummary race = seen.detail().race();
        spectator.lastStatus = race.status();
        spectator.lastScheduledStart = race.scheduledStart();
        spectator.lastSight = sight;
        Map<UUID, Long> gaps = gaps(seen.leaderboard());
        ServerMessage.SpectatorSeedInfo seed = new ServerMessage.SpectatorSeedInfo(
                seeds.graph(race.seedId()).map(g -> g.totalLayers()).orElse(0),
                sight.graph() ? seeds.graphJson(race.seedId()).map(SpectatorBroadcaster::json).orElse(null) : null,
                sight.graph() ? null : Boolean.TRUE);
        spectator.out.send(Wire.write(new ServerMessage.RaceState(ProtocolViews.raceForSpectators(race), seed,
                seen.detail().participants().stream().map(p -> ProtocolViews.participant(p, gaps.get(p.id()))).toList(),
                seen.leaderboard().leaderSplits())));
        spectator.out.send(Wire.write(ProtocolViews.leaderboardUpdate(seen.leaderboard())));
    }

    private void push(Spectator spectator, RaceFeedHub.SeenUpdate seen, Sight sight) {
        RaceUpdate update = seen.update();
        if (update instanceof RaceUpdate.ParticipantChanged || update instanceof RaceUpdate.LeaderboardChanged) {
            Sight last = spectator.lastSight;
            if (last != null && !last.shown().equals(sight.shown())) {
                // What this viewer may see changed (a player whose run is over now sees the graph): the whole state.
                spectator.feed.resend();
                return;
            }
            spectator.out.send(seen.frame("spectator", SpectatorBroadcaster::frame));
        } else if (update instanceof RaceUpdate.RaceChanged changed) {
            String status = changed.race().status();
            if (!status.equals(spectator.lastStatus)) {
                spectator.out.send(Wire.write(ProtocolViews.statusChange(changed.race())));
                // What may be seen changes with the status (the graph appears at GO): resend the state.
                spectator.feed.resend();
            } else if (!Objects.equals(changed.race().scheduledStart(), spectator.lastScheduledStart)) {
                // A countdown moved to another time: same status, new start.
                spectator.out.send(Wire.write(ProtocolViews.statusChange(changed.race())));
            }
            spectator.lastScheduledStart = changed.race().scheduledStart();
        } else if (update instanceof RaceUpdate.ParticipantRemoved) {
            spectator.feed.resend();
        }
    }

    /** A {@code player_update} or {@code leaderboard_update} of an update already filtered for its viewers. */
    private static String frame(RaceUpdate update) {
        if (update instanceof RaceUpdate.ParticipantChanged changed) {
            return Wire.write(new ServerMessage.PlayerUpdate(ProtocolViews.participant(changed.participant(), null)));
        }
        return Wire.write(ProtocolViews.leaderboardUpdate(((RaceUpdate.LeaderboardChanged) update).leaderboard()));
    }

    private static Map<UUID, Long> gaps(Leaderboard board) {
        return board.participants().stream().filter(e -> e.gapMs() != null)
                .collect(Collectors.toMap(LeaderboardEntry::participantId, LeaderboardEntry::gapMs));
    }

    private void broadcastCount(UUID raceId) {
        String count = Wire.write(new ServerMessage.SpectatorCount(spectatorCount(raceId)));
        bySession.values().stream().filter(s -> s.raceId.equals(raceId)).forEach(s -> s.out.send(count));
    }

    private static JsonNode json(String text) {
        try {
            return Wire.mapper().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** Sessions of one race, for tests and metrics. */
    Set<String> sessionsOf(UUID raceId) {
        return bySession.entrySet().stream().filter(e -> e.getValue().raceId.equals(raceId)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
