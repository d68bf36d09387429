package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.projections.common.ProjectionGroups;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * Throws every read model away and replays it from the event store: each group's reset handler
 * empties its tables, then the processor streams every event again.
 */
@Service
public class ProjectionRebuilder {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionRebuilder(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /**
     * Progress of one processing group: how far it has read against the store's head. ({@code replaying}
     * stays true until an event newer than the reset arrives, so it says nothing about being done.)
     */
    public record GroupProgress(String group, long position, long head, boolean replaying, boolean running,
                                int segments) {
        public boolean caughtUp() {
            return segments > 0 && position >= head;
        }
    }

    public record Progress(List<GroupProgress> groups, long head) {
        @JsonProperty("done")
        public boolean done() {
            return groups.stream().allMatch(GroupProgress::caughtUp);
        }

        /** Done, and every group is reading its replay (not a status from before the reset). */
        @JsonProperty("rebuilt")
        public boolean rebuilt() {
            return done() && groups.stream().allMatch(GroupProgress::replaying);
        }

        /** 0..1: events replayed over events to replay, summed over the groups. */
        @JsonProperty("fraction")
        public double fraction() {
            if (head <= 0) {
                return 1.0;
            }
            return groups.stream().mapToDouble(g -> Math.min(1.0, (double) Math.max(g.position(), 0) / head))
                    .average().orElse(1.0);
        }
    }

    public synchronized Progress rebuild() {
        for (String group : ProjectionGroups.ALL) {
            StreamingEventProcessor processor = processor(group);
            log.info("Rebuilding {}: stopping, resetting tokens, replaying from the start", group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        return progress();
    }

    public Progress progress() {
        long head = position(eventStore.createHeadToken());
        List<GroupProgress> groups = ProjectionGroups.ALL.stream().map(group -> {
            StreamingEventProcessor processor = processor(group);
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.isEmpty() ? -1 : status.values().stream()
                    .mapToLong(s -> position(s.getCurrentPosition().isPresent() ? s.getTrackingToken() : null))
                    .min().orElse(-1);
            boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
            return new GroupProgress(group, position, head, replaying, processor.isRunning(), status.size());
        }).toList();
        return new Progress(groups, head);
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for " + group));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
