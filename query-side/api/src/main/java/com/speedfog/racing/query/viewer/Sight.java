package com.speedfog.racing.query.viewer;

import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceDetail;
import com.speedfog.racing.query.race.RaceSnapshot;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.query.race.RaceUpdate;
import com.speedfog.racing.query.timeline.TimelineEntry;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one viewer may see of one race now: the single definition of the visibility rules, applied by
 * the query handlers to every answer and by the live feed to every push. See docs/architecture.md
 * ("Read side", the rule table).
 *
 * <ul>
 *   <li><b>graph</b>: the seed's graph, hidden from everyone before GO, and from a player still racing;</li>
 *   <li><b>positions</b>: where players are (current zone, zone history, zone entries in the timeline),
 *       hidden from a player still racing, theirs included;</li>
 *   <li><b>finishers' names</b>: with {@code show_finished_names = false}, a player still racing sees
 *       finished rivals without a name (and not their finish in the timeline).</li>
 * </ul>
 *
 * @param role the viewer's role in the race
 * @param self the viewer's own participant id in this race, or null
 */
public record Sight(RaceRole role, boolean graph, boolean positions, boolean finishersNamed, UUID self) {

    private static final Set<String> BEFORE_GO = Set.of("draft", "open", "countdown");
    /** Timeline entries that say where a player is. */
    private static final Set<String> POSITION_EVENTS = Set.of("ZoneEntered");
    /** Timeline entries that say a player finished. */
    private static final Set<String> FINISH_EVENTS = Set.of("ParticipantFinished");

    /** Everything, for the platform's own work (never for a viewer). */
    public static final Sight ALL = new Sight(RaceRole.ADMIN, true, true, true, null);

    public static Sight of(Viewer viewer, RaceSummary race, Optional<ParticipantView> own) {
        RaceRole role = RaceRole.of(viewer, race, own);
        boolean racing = role == RaceRole.RACING;
        return new Sight(role, !racing && !BEFORE_GO.contains(race.status()), !racing,
                !racing || race.config().showFinishedNames(), own.map(ParticipantView::id).orElse(null));
    }

    /** As {@link #of(Viewer, RaceSummary, Optional)}, finding the viewer on the race's roster. */
    public static Sight of(Viewer viewer, RaceSummary race, List<ParticipantView> roster) {
        return of(viewer, race, ownIn(viewer, roster));
    }

    /** The viewer's own participation among these participants (a user is never twice in a race). */
    public static Optional<ParticipantView> ownIn(Viewer viewer, List<ParticipantView> roster) {
        return viewer.userId() == null ? Optional.empty()
                : roster.stream().filter(p -> viewer.userId().equals(p.userId())).findFirst();
    }

    public ParticipantView participant(ParticipantView p) {
        boolean hideName = !finishersNamed && "finished".equals(p.status()) && !p.id().equals(self);
        if (positions && !hideName) {
            return p;
        }
        return new ParticipantView(p.id(), p.raceId(), p.userId(), hideName ? null : p.displayName(), p.status(),
                p.closedReason(), p.colorIndex(), positions ? p.currentZone() : null, p.currentLayer(),
                p.layerEntryIgtMs(), p.igtMs(), p.deathCount(), p.finishIgtMs(), p.modConnected(),
                positions ? p.zoneHistory() : List.of());
    }

    public Leaderboard leaderboard(Leaderboard board) {
        return finishersNamed ? board : board.hidingFinishedNames();
    }

    public RaceDetail detail(RaceDetail detail) {
        return new RaceDetail(detail.race(), detail.participants().stream().map(this::participant).toList());
    }

    public RaceSnapshot snapshot(RaceSnapshot snapshot) {
        return new RaceSnapshot(detail(snapshot.detail()), leaderboard(snapshot.leaderboard()));
    }

    public RaceUpdate update(RaceUpdate update) {
        if (update instanceof RaceUpdate.ParticipantChanged changed) {
            ParticipantView seen = participant(changed.participant());
            return seen == changed.participant() ? update : new RaceUpdate.ParticipantChanged(update.raceId(), seen);
        }
        if (update instanceof RaceUpdate.LeaderboardChanged changed) {
            Leaderboard seen = leaderboard(changed.leaderboard());
            return seen == changed.leaderboard() ? update : new RaceUpdate.LeaderboardChanged(update.raceId(), seen);
        }
        return update;
    }

    /** Whether this timeline entry may be shown: rivals' zone entries and hidden finishes are left out. */
    public boolean shows(TimelineEntry entry) {
        if (entry.participantId() == null || entry.participantId().equals(self)) {
            return true;
        }
        if (!positions && POSITION_EVENTS.contains(entry.type())) {
            return false;
        }
        return finishersNamed || !FINISH_EVENTS.contains(entry.type());
    }

    /**
     * What this sight shows, without who it belongs to: viewers with equal {@code Shown} get the same
     * pushes, so a frame is made once per {@code Shown} and update, not once per socket.
     */
    public Shown shown() {
        return new Shown(graph, positions, finishersNamed);
    }

    public record Shown(boolean graph, boolean positions, boolean finishersNamed) {
    }
}
