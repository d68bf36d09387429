package com.speedfog.racing.gateway.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the streaming processors' segments between the gateway nodes on one database. Each node says
 * it is alive in {@code gateway_node}; a node that holds more than its fair share of a processor's
 * segments (segments / live nodes, rounded up) releases one, and a node with room claims it through
 * {@code token_entry} as Axon does for any unclaimed segment. A node that dies stops being seen and
 * its claims time out, so the others take its segments over.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** How often a node says it is alive and checks its share. */
    static final long PERIOD_MS = 3_000;
    /** Not seen for this long: no longer counted. */
    static final int NODE_TIMEOUT_SECONDS = 15;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService timer;

    public SegmentBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    public String nodeId() {
        return nodeId;
    }

    /** Nodes seen alive lately, this one included once it has said so. */
    public int liveNodes() {
        Integer n = jdbc.queryForObject("select count(*) from gateway_node where last_seen > now() - make_interval(secs => ?)",
                Integer.class, NODE_TIMEOUT_SECONDS);
        return n == null ? 0 : n;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        try {
            jdbc.update("delete from gateway_node where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("could not say goodbye in gateway_node: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private void tick() {
        try {
            jdbc.update("insert into gateway_node (node_id) values (?) on conflict (node_id) do update set last_seen = now()", nodeId);
            jdbc.update("delete from gateway_node where last_seen < now() - interval '1 hour'");
            int nodes = Math.max(1, liveNodes());
            if (nodes > 1) {
                processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                        .forEach(processor -> balance(processor, nodes));
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick tries again.
            log.debug("segment balancing skipped: {}", e.toString());
        }
    }

    private void balance(StreamingEventProcessor processor, int nodes) {
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                processor.getName());
        Map<Integer, ?> mine = processor.processingStatus();
        int fairShare = (int) Math.ceil((double) (segments == null ? 0 : segments) / nodes);
        if (mine.size() > fairShare) {
            int release = mine.keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
            log.info("{}: holding {} of {} segments with {} nodes alive; releasing segment {} for another node",
                    processor.getName(), mine.size(), segments, nodes, release);
            processor.releaseSegment(release);
        }
    }
}
