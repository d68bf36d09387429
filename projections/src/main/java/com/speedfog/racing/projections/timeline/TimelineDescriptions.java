package com.speedfog.racing.projections.timeline;

import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.SoloEvents.*;
import com.speedfog.racing.command.race.RaceEvents.*;

import java.util.UUID;
import java.util.function.Function;

/** One plain sentence per event, for people reading a race's history. */
final class TimelineDescriptions {
    private TimelineDescriptions() {
    }

    static String describe(RaceEvent event, Function<UUID, String> names) {
        if (event instanceof RaceCreated e) {
            return "Race \"" + e.name() + "\" created on seed " + e.seedId() + " from pool " + e.poolName();
        } else if (event instanceof RaceOpened) {
            return "Race opened";
        } else if (event instanceof RaceUpdated) {
            return "Race options changed";
        } else if (event instanceof ParticipantRegistered e) {
            return e.displayName() + (e.selfJoined() ? " joined" : " was added");
        } else if (event instanceof ParticipantRemoved e) {
            return names.apply(e.participantId()) + (e.reason() == RemovalReason.LEFT ? " left" : " was removed");
        } else if (event instanceof RaceStartScheduled e) {
            return "Start scheduled for " + e.startAt();
        } else if (event instanceof RaceCountdownCancelled) {
            return "Countdown cancelled";
        } else if (event instanceof RaceStarted e) {
            return "GO at " + e.startedAt();
        } else if (event instanceof RaceFinished e) {
            return switch (e.why()) {
                case ALL_DONE -> "Race finished: every run is done";
                case FORCED -> "Race finished by the organizer";
                case WINDOW_CLOSED -> "The window closed: race finished";
                case TIME_LIMIT -> "Race finished: time limit reached";
            };
        } else if (event instanceof RaceReset) {
            return "Race reset";
        } else if (event instanceof SeedRerolled e) {
            return "Seed rerolled to " + e.newSeedId();
        } else if (event instanceof RaceCancelled) {
            return "Race cancelled";
        }
        return event.getClass().getSimpleName();
    }

    static String describe(ParticipantEvent event, String name) {
        if (event instanceof ParticipantCreated) {
            return name + " is on the roster";
        } else if (event instanceof ParticipantReady) {
            return name + " is ready";
        } else if (event instanceof RunBegun) {
            return name + " started running";
        } else if (event instanceof StatusCheckpointed e) {
            return name + " at " + clock(e.igtMs()) + ", " + e.deathCount() + " deaths";
        } else if (event instanceof ZoneEntered e) {
            return name + " entered " + e.nodeId() + " (layer " + e.layer() + ") at " + clock(e.igtMs());
        } else if (event instanceof ParticipantFinished e) {
            return name + " finished in " + clock(e.igtMs()) + " with " + e.deathCount() + " deaths";
        } else if (event instanceof ParticipantAbandoned e) {
            return name + (e.why() == AbandonReason.INACTIVE ? " was abandoned for inactivity at " : " abandoned at ")
                    + clock(e.igtMs());
        } else if (event instanceof ParticipantDisqualified e) {
            return name + " was disqualified" + (e.reason().isEmpty() ? "" : ": " + e.reason());
        } else if (event instanceof ParticipantReset) {
            return name + "'s run was reset";
        } else if (event instanceof ParticipantClosed e) {
            return switch (e.reason()) {
                case REMOVED -> name + " is off the roster";
                case RACE_FINISHED -> name + " did not finish";
                case RACE_CANCELLED -> name + "'s race was cancelled";
                case TIME_LIMIT -> name + "'s run reached its time limit";
            };
        } else if (event instanceof ModConnectionChanged e) {
            return name + (e.connected() ? "'s overlay connected" : "'s overlay disconnected");
        } else if (event instanceof ModTokenAssigned) {
            return name + " got a seed pack";
        } else if (event instanceof InactivityWarned e) {
            return name + " is inactive: abandoned at " + e.abandonAt() + " unless the run moves";
        } else if (event instanceof TrainingRunCreated e) {
            return name + " started a training run on seed " + e.seedId() + " from pool " + e.poolName();
        } else if (event instanceof OwnStartAllowed e) {
            return name + " may start their run until " + e.until();
        } else if (event instanceof OwnCountdownStarted e) {
            return name + "'s countdown: GO at " + e.startsAt();
        } else if (event instanceof GhostConsentChanged e) {
            return name + (e.allowed() ? " lets this run serve as a ghost" : " keeps this run from serving as a ghost");
        }
        return name + ": " + event.getClass().getSimpleName();
    }

    static Long igtOf(ParticipantEvent event) {
        if (event instanceof StatusCheckpointed e) {
            return e.igtMs();
        } else if (event instanceof ZoneEntered e) {
            return e.igtMs();
        } else if (event instanceof ParticipantFinished e) {
            return e.igtMs();
        } else if (event instanceof ParticipantAbandoned e) {
            return e.igtMs();
        }
        return null;
    }

    /** h:mm:ss.SSS of an in-game time. */
    static String clock(long igtMs) {
        return String.format("%d:%02d:%02d.%03d", igtMs / 3_600_000, igtMs / 60_000 % 60, igtMs / 1000 % 60, igtMs % 1000);
    }
}
