package com.speedfog.racing.gateway.live;

import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceDetail;
import com.speedfog.racing.query.race.RaceQueries.WatchRace;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceUpdate;
import com.speedfog.racing.query.viewer.Sight;
import com.speedfog.racing.query.viewer.Viewer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One subscription query per race for this whole node, fanned out to every listener of that race
 * (sockets, pages): a thousand spectators cost one subscription, not a thousand database queries.
 * <p>
 * The feed keeps the race's current state in memory (its snapshot, with every update applied), so a
 * listener's snapshot costs no database read. Every listener watches as a {@link Viewer}: each snapshot
 * and update is passed through that viewer's {@link Sight} (the query side's one definition of what a
 * viewer may see) before it is delivered. Listeners that see alike share one filtered update, and its
 * frames ({@link SeenUpdate#frame}).
 */
@Component
public class RaceFeedHub {
    private static final Logger log = LoggerFactory.getLogger(RaceFeedHub.class);

    /** Someone watching a race: gets the current state once, then every update in order. */
    public interface Listener {
        /** The race as this listener may see it now; null when there is no such race. */
        void onSnapshot(RaceSnapshot seen, Sight sight);

        /** A change, as this listener may see it; {@code sight} is theirs after this change. */
        void onUpdate(SeenUpdate update, Sight sight);
    }

    /** Stop listening, or look again. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();

        /** From now on this listener watches as {@code viewer}; it gets the state as that viewer sees it. */
        void viewAs(Viewer viewer);

        /** Gives this listener the current state again (what it may see changed). */
        void resend();
    }

    /**
     * An update as the listeners with one {@link Sight.Shown} see it, shared by them: what they send is
     * made once ({@link #frame}), not once per listener.
     */
    public static final class SeenUpdate {
        private final RaceUpdate update;
        private final Map<String, String> frames = new ConcurrentHashMap<>(2);

        SeenUpdate(RaceUpdate update) {
            this.update = update;
        }

        public RaceUpdate update() {
            return update;
        }

        /** The frame of this kind for this update, made by the first listener that asks. */
        public String frame(String kind, Function<RaceUpdate, String> make) {
            return frames.computeIfAbsent(kind, k -> make.apply(update));
        }
    }

    private final QueryGateway queries;
    private final Map<UUID, Feed> feeds = new ConcurrentHashMap<>();

    public RaceFeedHub(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * Registers the listener, then gives it the race's current state followed by live updates, all as
     * {@code viewer} may see them.
     */
    public Registration listen(UUID raceId, Viewer viewer, Listener listener) {
        Feed feed;
        PendingListener pending = new PendingListener(listener, viewer);
        synchronized (feeds) {
            feed = feeds.computeIfAbsent(raceId, this::open);
            feed.listeners.add(pending);
        }
        feed.ensureState(this::watch);
        pending.release(feed);
        return new Registration() {
            @Override
            public void close() {
                leave(raceId, feed, pending);
            }

            @Override
            public void viewAs(Viewer newViewer) {
                pending.viewer = newViewer;
                pending.resync(feed);
            }

            @Override
            public void resend() {
                pending.resync(feed);
            }
        };
    }

    /**
     * Reads every race's state again and gives every listener a fresh snapshot: after this node may have
     * missed updates (its link to the other nodes' updates was down), the snapshot puts everyone right.
     */
    public void resyncAll() {
        feeds.forEach((raceId, feed) -> {
            feed.replace(watch(raceId));
            feed.listeners.forEach(listener -> listener.resync(feed));
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

    private RaceSnapshot watch(UUID raceId) {
        return queries.query(new WatchRace(raceId), ResponseTypes.instanceOf(RaceSnapshot.class)).join();
    }

    private Feed open(UUID raceId) {
        SubscriptionQueryResult<RaceSnapshot, RaceUpdate> result = queries.subscriptionQuery(new WatchRace(raceId),
                ResponseTypes.instanceOf(RaceSnapshot.class), ResponseTypes.instanceOf(RaceUpdate.class));
        Feed feed = new Feed(raceId, result);
        feed.updates = result.updates().subscribe(
                update -> feed.deliver(update, this::watch),
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

    /** One race's subscription, its current state and its listeners. */
    private static final class Feed {
        final UUID raceId;
        final SubscriptionQueryResult<RaceSnapshot, RaceUpdate> result;
        final List<PendingListener> listeners = new CopyOnWriteArrayList<>();
        Disposable updates;
        /** The race as it is now, unfiltered: its snapshot with every update since applied. Null: not read yet, or no race. */
        private RaceSnapshot current;
        private boolean read;

        Feed(UUID raceId, SubscriptionQueryResult<RaceSnapshot, RaceUpdate> result) {
            this.raceId = raceId;
            this.result = result;
        }

        synchronized void ensureState(Function<UUID, RaceSnapshot> watch) {
            if (!read) {
                current = watch.apply(raceId);
                read = true;
            }
        }

        synchronized void replace(RaceSnapshot snapshot) {
            current = snapshot;
            read = true;
        }

        synchronized RaceSnapshot current() {
            return current;
        }

        /** Applies the update to the state, then hands it to every listener as they may see it. */
        void deliver(RaceUpdate update, Function<UUID, RaceSnapshot> watch) {
            RaceSnapshot now;
            synchronized (this) {
                current = current == null ? watch.apply(raceId) : applied(current, update);
                read = true;
                now = current;
            }
            if (now == null) {
                return;
            }
            Map<Sight.Shown, SeenUpdate> shared = new HashMap<>();
            for (PendingListener listener : listeners) {
                Sight sight = sightOf(listener.viewer, now);
                SeenUpdate seen = shared.computeIfAbsent(sight.shown(), shown -> new SeenUpdate(sight.update(update)));
                listener.deliver(seen, sight);
            }
        }

        private static RaceSnapshot applied(RaceSnapshot snapshot, RaceUpdate update) {
            RaceDetail detail = snapshot.detail();
            if (update instanceof RaceUpdate.RaceChanged changed) {
                return new RaceSnapshot(new RaceDetail(changed.race(), detail.participants()), snapshot.leaderboard());
            }
            if (update instanceof RaceUpdate.LeaderboardChanged changed) {
                return new RaceSnapshot(detail, changed.leaderboard());
            }
            List<ParticipantView> participants = new ArrayList<>(detail.participants());
            if (update instanceof RaceUpdate.ParticipantChanged changed) {
                ParticipantView p = changed.participant();
                int at = indexOf(participants, p.id());
                if (at >= 0) {
                    participants.set(at, p);
                } else {
                    participants.add(p); // registration order: a newcomer is the last registered
                }
            } else if (update instanceof RaceUpdate.ParticipantRemoved removed) {
                int at = indexOf(participants, removed.participantId());
                if (at >= 0) {
                    participants.remove(at);
                }
            }
            return new RaceSnapshot(new RaceDetail(detail.race(), List.copyOf(participants)), snapshot.leaderboard());
        }

        private static int indexOf(List<ParticipantView> participants, UUID id) {
            for (int i = 0; i < participants.size(); i++) {
                if (participants.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }
    }

    static Sight sightOf(Viewer viewer, RaceSnapshot race) {
        return Sight.of(viewer, race.detail().race(), race.detail().participants());
    }

    /** Holds updates back until the listener has its snapshot, so it never sees an update first. */
    private static final class PendingListener {
        private final Listener listener;
        volatile Viewer viewer;
        private List<Object[]> held = new ArrayList<>();

        PendingListener(Listener listener, Viewer viewer) {
            this.listener = listener;
            this.viewer = viewer;
        }

        synchronized void deliver(SeenUpdate update, Sight sight) {
            if (held != null) {
                held.add(new Object[]{update, sight});
            } else {
                listener.onUpdate(update, sight);
            }
        }

        synchronized void resync(Feed feed) {
            if (held == null) {
                snapshot(feed);
            }
        }

        synchronized void release(Feed feed) {
            snapshot(feed);
            held.forEach(h -> listener.onUpdate((SeenUpdate) h[0], (Sight) h[1]));
            held = null;
        }

        private void snapshot(Feed feed) {
            RaceSnapshot now = feed.current();
            if (now == null) {
                listener.onSnapshot(null, null);
            } else {
                Sight sight = sightOf(viewer, now);
                listener.onSnapshot(sight.snapshot(now), sight);
            }
        }
    }
}
