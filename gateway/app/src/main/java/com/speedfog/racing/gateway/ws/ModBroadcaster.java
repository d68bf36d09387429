package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.gateway.live.RaceFeedHub;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceUpdate;
import com.speedfog.racing.query.viewer.Sight;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * What the race tells its mods: {@code race_status_change} (and {@code race_start} at GO) and
 * {@code leaderboard_update}, from the node's race feed, each filtered for the player by the feed.
 */
@Component
class ModBroadcaster {

    private final RaceFeedHub feeds;

    ModBroadcaster(RaceFeedHub feeds) {
        this.feeds = feeds;
    }

    /** From now on this authenticated connection hears its race. */
    void follow(ModConnection connection) {
        connection.following(feeds.listen(connection.raceId, connection.viewer, new RaceFeedHub.Listener() {
            @Override
            public void onSnapshot(RaceSnapshot snapshot, Sight sight) {
                if (snapshot != null) {
                    connection.lastStatus = snapshot.detail().race().status();
                    connection.lastScheduledStart = snapshot.detail().race().scheduledStart();
                }
            }

            @Override
            public void onUpdate(RaceFeedHub.SeenUpdate update, Sight sight) {
                push(connection, update);
            }
        }));
    }

    private void push(ModConnection connection, RaceFeedHub.SeenUpdate seen) {
        RaceUpdate update = seen.update();
        if (update instanceof RaceUpdate.LeaderboardChanged) {
            // One frame per update and audience (finishers' names hidden from players still racing, if the race says so).
            connection.out.send(seen.frame("leaderboard", u -> Wire.write(ProtocolViews.leaderboardUpdate(
                    ((RaceUpdate.LeaderboardChanged) u).leaderboard()))));
        } else if (update instanceof RaceUpdate.RaceChanged changed) {
            connection.seedId = changed.race().seedId(); // a reroll before the start changes the graph
            String status = changed.race().status();
            if (!status.equals(connection.lastStatus)) {
                connection.lastStatus = status;
                connection.send(ProtocolViews.statusChange(changed.race()));
                if (status.equals("running")) {
                    connection.send(new ServerMessage.RaceStart(changed.race().startedAt()));
                }
            } else if (!Objects.equals(changed.race().scheduledStart(), connection.lastScheduledStart)) {
                connection.send(ProtocolViews.statusChange(changed.race())); // the countdown moved
            }
            connection.lastScheduledStart = changed.race().scheduledStart();
        }
    }
}
