package com.speedfog.racing.projections.admin;

import com.speedfog.racing.projections.common.ProjectionGroups;
import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.speedfog.racing.query.readmodel.RebuildProgress;
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
public class ProjectionRebuilder implements ReadModelRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionRebuilder(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public synchronized RebuildProgress rebuild() {
        for (String group : ProjectionGroups.ALL) {
            StreamingEventProcessor processor = processor(group);
            log.info("Rebuilding {}: stopping, resetting tokens, replaying from the start", group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        return progress();
    }

    @Override
    public RebuildProgress progress() {
        long head = position(eventStore.createHeadToken());
        List<RebuildProgress.Group> groups = ProjectionGroups.ALL.stream().map(group -> {
            StreamingEventProcessor processor = processor(group);
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.isEmpty() ? -1 : status.values().stream()
                    .mapToLong(s -> position(s.getCurrentPosition().isPresent() ? s.getTrackingToken() : null))
                    .min().orElse(-1);
            boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
            return new RebuildProgress.Group(group, position, head, replaying, processor.isRunning(), status.size());
        }).toList();
        return new RebuildProgress(groups, head);
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for " + group));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
