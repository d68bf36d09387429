package com.speedfog.racing.domain.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Snapshots keep loading an aggregate fast however long a race runs. */
@Configuration
public class CommandSideConfiguration {

    /** A race sees few events (roster and lifecycle); a participant sees ~100-300 per hour of play. */
    public static final int RACE_SNAPSHOT_EVERY = 100;
    public static final int PARTICIPANT_SNAPSHOT_EVERY = 50;

    @Bean
    public SnapshotTriggerDefinition raceSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, RACE_SNAPSHOT_EVERY);
    }

    @Bean
    public SnapshotTriggerDefinition participantSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, PARTICIPANT_SNAPSHOT_EVERY);
    }
}
