package com.speedfog.racing.projections.admin;

import com.speedfog.racing.projections.common.ProjectionGroups;
import com.speedfog.racing.projections.common.ProjectionTables;
import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.speedfog.racing.query.readmodel.RebuildProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds read models from the event store while the live ones keep serving: the store is replayed into
 * a new generation of each group's tables ({@link ProjectionTables}), which takes over once it has caught
 * up with the live processor ({@link ReplayRun}). One rebuild at a time on a node.
 */
@Service
public class ProjectionRebuilder implements ReadModelRebuild, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DataSource dataSource;
    private final Serializer eventSerializer;
    private final Serializer tokenSerializer;
    private final Map<String, List<String>> tablesByGroup;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> newGroups;
    private volatile RebuildStatus last;

    public ProjectionRebuilder(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                               @Qualifier("eventSerializer") Serializer eventSerializer, @Qualifier("serializer") Serializer tokenSerializer,
                               ApplicationContext context) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.dataSource = jdbc.getDataSource();
        this.eventSerializer = eventSerializer;
        this.tokenSerializer = tokenSerializer;
        this.tablesByGroup = tablesByGroup(context);
        // Read before the processors start: a group with no token yet is new to this database.
        List<String> known = jdbc.queryForList("select distinct processor_name from token_entry", String.class);
        this.newGroups = ProjectionGroups.ALL.stream().filter(group -> !known.contains(group)).toList();
    }

    /**
     * A read model added since the last start (its processor had no token: it starts at the head) is built
     * from every stored event, the new tables taking over once caught up. A fresh database has nothing to build.
     */
    @EventListener(ContextRefreshedEvent.class)
    public void buildNewReadModels() {
        if (!newGroups.isEmpty() && position(eventStore.createHeadToken()) > 0) {
            log.info("New read models {}: building them from the stored events", newGroups);
            rebuild(newGroups);
        }
    }

    /** The tables of every read-model group, from the projections' {@link ProjectionTables}; every group must have some. */
    static Map<String, List<String>> tablesByGroup(ApplicationContext context) {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        ProjectionGroups.ALL.forEach(group -> tables.put(group, new LinkedHashSet<>()));
        for (Object bean : context.getBeansWithAnnotation(ProjectionTables.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group == null || !tables.containsKey(group.value())) {
                throw new IllegalStateException(type.getName() + " declares @ProjectionTables but its @ProcessingGroup is not "
                        + "one of ProjectionGroups.ALL " + ProjectionGroups.ALL);
            }
            tables.get(group.value()).addAll(List.of(AnnotationUtils.findAnnotation(type, ProjectionTables.class).value()));
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        tables.forEach((group, names) -> {
            if (names.isEmpty()) {
                throw new IllegalStateException("processing group " + group + " has no @ProjectionTables: a rebuild "
                        + "would not know which tables to build");
            }
            result.put(group, List.copyOf(names));
        });
        return result;
    }

    /** Rebuilds every read model. */
    @Override
    public RebuildProgress rebuild() {
        return rebuild(ProjectionGroups.ALL);
    }

    /** Starts rebuilding these groups (or returns the rebuild already running) and returns at once. */
    @Override
    public synchronized RebuildProgress rebuild(List<String> groups) {
        for (String group : groups) {
            if (!tablesByGroup.containsKey(group)) {
                throw new IllegalArgumentException("no read model named " + group + "; known: " + tablesByGroup.keySet());
            }
        }
        if (last != null && last.running()) {
            return progress();
        }
        List<ReplayRun.Target> targets = new ArrayList<>();
        for (String group : groups) {
            targets.add(new ReplayRun.Target(group, tablesByGroup.get(group), invoker(group)));
        }
        RebuildStatus status = new RebuildStatus(groups, Instant.now());
        last = status;
        log.info("Rebuilding {} into new tables; the live ones serve until it has caught up", groups);
        runner.execute(new ReplayRun(targets, dataSource, eventSerializer, tokenSerializer, status));
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
        RebuildStatus current = last;
        return new RebuildProgress(groups, head, current == null ? null : current.view(), tablesByGroup);
    }


    private SimpleEventHandlerInvoker invoker(String group) {
        EventHandlerInvoker invoker = processing.eventProcessor(group, AbstractEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no event processor for " + group)).eventHandlerInvoker();
        while (invoker instanceof MultiEventHandlerInvoker multi && multi.delegates().size() == 1) {
            invoker = multi.delegates().get(0);
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple;
        }
        throw new IllegalStateException(group + " has an event handler invoker a rebuild cannot replay into: " + invoker);
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for " + group));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
