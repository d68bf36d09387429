package com.speedfog.racing.gateway.live;

import com.speedfog.racing.query.race.RaceQueries.WatchRace;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceUpdate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One subscription query per race for this whole node, fanned out to every listener of that race
 * (sockets, pages): a thousand spectators cost one subscription, not a thousand database queries.
 */
@Component
public class RaceFeedHub {
    private static final Logger log = LoggerFactory.getLogger(RaceFeedHub.class);

    /** Someone watching a race: gets the current state once, then every update in order. */
    public interface Listener {
        void onSnapshot(RaceSnapshot snapshot);

        void onUpdate(RaceUpdate update);
    }

    /** Stop listening. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final QueryGateway queries;
    private final Map<UUID, Feed> feeds = new ConcurrentHashMap<>();

    public RaceFeedHub(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * Registers the listener, then gives it a fresh snapshot followed by the updates that arrived
     * meanwhile, then live updates.
     *
     * @return null-free registration; the snapshot is null when the race does not exist
     */
    public Registration listen(UUID raceId, Listener listener) {
        Feed feed;
        PendingListener pending = new PendingListener(listener);
        synchronized (feeds) {
            feed = feeds.computeIfAbsent(raceId, this::open);
            feed.listeners.add(pending);
        }
        RaceSnapshot snapshot = queries.query(new WatchRace(raceId), ResponseTypes.instanceOf(RaceSnapshot.class)).join();
        pending.release(snapshot);
        return () -> leave(raceId, feed, pending);
    }

    /**
     * Gives every listener a fresh snapshot of its race: after this node may have missed updates (its
     * link to the other nodes' updates was down), the snapshot puts everyone right again.
     */
    public void resyncAll() {
        feeds.forEach((raceId, feed) -> {
            RaceSnapshot snapshot = queries.query(new WatchRace(raceId), ResponseTypes.instanceOf(RaceSnapshot.class)).join();
            feed.listeners.forEach(listener -> listener.resync(snapshot));
        });
    }

    /** How many races this node is subscribed to (one subscription each). */
    public int subscriptionCount() {
        return feeds.size();
    }

    public int listenerCount(UUID raceId) {
        Feed feed = feeds.get(raceId);
        return feed == null ? 0 : feed.listeners.size();
    }

    private Feed open(UUID raceId) {
        SubscriptionQueryResult<RaceSnapshot, RaceUpdate> result = queries.subscriptionQuery(new WatchRace(raceId),
                ResponseTypes.instanceOf(RaceSnapshot.class), ResponseTypes.instanceOf(RaceUpdate.class));
        Feed feed = new Feed(result);
        feed.updates = result.updates().subscribe(
                update -> feed.listeners.forEach(l -> l.deliver(update)),
                failure -> log.warn("race {} feed failed: {}", raceId, failure.toString()));
        return feed;
    }

    private void leave(UUID raceId, Feed feed, PendingListener listener) {
        synchronized (feeds) {
            feed.listeners.remove(listener);
            if (feed.listeners.isEmpty() && feeds.remove(raceId, feed)) {
                feed.updates.dispose();
                feed.result.cancel();
            }
        }
    }

    private static final class Feed {
        final SubscriptionQueryResult<RaceSnapshot, RaceUpdate> result;
        final List<PendingListener> listeners = new CopyOnWriteArrayList<>();
        Disposable updates;

        Feed(SubscriptionQueryResult<RaceSnapshot, RaceUpdate> result) {
            this.result = result;
        }
    }

    /** Holds updates back until the listener has its snapshot, so it never sees an update first. */
    private static final class PendingListener {
        private final Listener listener;
        private List<RaceUpdate> held = new java.util.ArrayList<>();

        PendingListener(Listener listener) {
            this.listener = listener;
        }

        synchronized void deliver(RaceUpdate update) {
            if (held != null) {
                held.add(update);
            } else {
                listener.onUpdate(update);
            }
        }

        synchronized void resync(RaceSnapshot snapshot) {
            if (held == null) {
                listener.onSnapshot(snapshot);
            }
        }

        synchronized void release(RaceSnapshot snapshot) {
            listener.onSnapshot(snapshot);
            held.forEach(listener::onUpdate);
            held = null;
        }
    }
}
