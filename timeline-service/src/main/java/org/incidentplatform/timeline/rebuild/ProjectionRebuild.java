package org.incidentplatform.timeline.rebuild;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.incidentplatform.timeline.entries.ReplayBoundary;
import org.incidentplatform.timeline.entries.TimelineListeners;
import org.incidentplatform.timeline.entries.TimelineProjection;
import org.incidentplatform.timeline.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Wipes the projection and replays both topics into it while the service keeps running.
 *
 * <p>The live listeners are the replay: stop their containers (so nothing writes while the
 * collection is emptied), capture the topics' end offsets, rewind the consumer group to the
 * beginning, empty the collection, start the containers again, and wait until the group has
 * committed up to the captured ends. Events published meanwhile land after those offsets and
 * are consumed normally, so nothing is lost or applied twice (entries are idempotent by id).
 * Records below the captured ends are marked as replay so live streams do not re-send them.
 */
@Component
class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafka;
    private final TimelineProjection projection;
    private final ReplayBoundary replay;
    private final RebuildProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("timeline-rebuild").daemon().factory());

    ProjectionRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, TimelineProjection projection,
            ReplayBoundary replay, RebuildProperties properties) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.projection = projection;
        this.replay = replay;
        this.properties = properties;
    }

    RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild; 409 while one is running. The future completes when the replay caught up. */
    CompletableFuture<RebuildStatus> start() {
        if (!running.compareAndSet(false, true)) {
            throw Problems.of(HttpStatus.CONFLICT, "Rebuild already running", "A rebuild started at "
                    + status.get().startedAt() + " is still running; follow GET " + RebuildController.PATH);
        }
        status.set(new RebuildStatus(RebuildStatus.State.RUNNING, clock.instant(), null, Map.of(), null, null,
                "Stopping the listeners"));
        return CompletableFuture.supplyAsync(this::run, worker).whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("Projection rebuild failed", failure);
                status.set(status.get().failed(clock.instant(), "The rebuild failed ("
                        + rootCause(failure).getClass().getSimpleName() + "); the listeners were restarted. Try again."));
            }
            running.set(false);
        });
    }

    private RebuildStatus run() {
        List<MessageListenerContainer> containers = TimelineListeners.IDS.stream()
                .map(listeners::getListenerContainer).filter(Objects::nonNull).toList();
        containers.forEach(MessageListenerContainer::stop);
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            GroupOffsets group = new GroupOffsets(admin, TimelineListeners.GROUP_ID);
            var partitions = group.partitionsOf(TimelineListeners.TOPICS);
            Map<TopicPartition, Long> beginnings = group.offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> ends = group.offsets(partitions, OffsetSpec.latest());
            group.rewindTo(beginnings, properties.groupEmpty());
            replay.replayUntil(ends);
            long removed = projection.clear();
            status.set(status.get().running(names(ends), removed, "Replaying up to the captured end offsets"));
            containers.forEach(MessageListenerContainer::start);
            group.awaitCommitted(ends, properties.catchUp());
            replay.clear();
            RebuildStatus done = status.get().done(clock.instant(), projection.count());
            status.set(done);
            log.info("Projection rebuilt: {} entries removed, replayed up to {}", removed, done.targetOffsets());
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            // Whatever failed, the projection must keep consuming.
            containers.stream().filter(c -> !c.isRunning()).forEach(MessageListenerContainer::start);
        }
    }

    private static Map<String, Long> names(Map<TopicPartition, Long> offsets) {
        Map<String, Long> named = new TreeMap<>();
        offsets.forEach((partition, offset) -> named.put(partition.toString(), offset));
        return named;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
