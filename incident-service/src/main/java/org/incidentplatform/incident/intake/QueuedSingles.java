package org.incidentplatform.incident.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Works off a run of single-alert parts, the alerts queued one per request while intake was busy.
 * One at a time they would be slower than the requests that queued them, so they go in lanes, one
 * per stream: a lane keeps its alerts in the order they were received (a resolve stays behind its
 * trigger), lanes run concurrently, and the event store writes their appends together.
 *
 * <p>What was sent is removed in one delete, also when another lane failed, so a retry repeats
 * only what did not reach its stream. A failure that is not MongoDB being away counts against the
 * part; its fifth moves the part to the failed collection and its lane goes on.
 */
final class QueuedSingles {

    private static final Logger log = LoggerFactory.getLogger(QueuedSingles.class);

    private final AlertQueue queue;
    private final AlertIntake intake;
    private final IntegrationRepository integrations;
    private final int concurrency;
    private final int maxAttempts;
    private volatile ExecutorService lanes;

    QueuedSingles(AlertQueue queue, AlertIntake intake, IntegrationRepository integrations, int concurrency,
            int maxAttempts) {
        this.queue = queue;
        this.intake = intake;
        this.integrations = integrations;
        this.concurrency = concurrency;
        this.maxAttempts = maxAttempts;
    }

    void start() {
        AtomicInteger number = new AtomicInteger();
        lanes = Executors.newFixedThreadPool(concurrency,
                work -> Thread.ofPlatform().daemon().name("intake-queue-lane-" + number.incrementAndGet()).unstarted(work));
    }

    void stop() {
        ExecutorService running = lanes;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends the parts to their streams; throws the first failure after removing what was sent. */
    void work(List<AlertQueue.Part> parts) throws InterruptedException {
        Map<String, Optional<Integration>> byId = new HashMap<>();
        Map<String, List<AlertQueue.Part>> byStream = new LinkedHashMap<>();
        List<AlertQueue.Part> finished = Collections.synchronizedList(new ArrayList<>());
        for (AlertQueue.Part part : parts) {
            Optional<Integration> integration = byId.computeIfAbsent(part.integrationId(), integrations::find);
            if (integration.isEmpty()) {
                log.warn("Dropping a queued alert of integration {}: it was deleted", part.integrationId());
                finished.add(part);
                continue;
            }
            byStream.computeIfAbsent(AlertIntake.streamIdOf(integration.get(), part.alerts().getFirst()),
                    stream -> new ArrayList<>()).add(part);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<AlertQueue.Part> lane : byStream.values()) {
            running.add(lanes.submit(() -> send(lane, byId, finished)));
        }
        RuntimeException first = null;
        try {
            for (Future<?> lane : running) {
                try {
                    lane.get();
                } catch (ExecutionException e) {
                    RuntimeException failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                    first = first == null ? failure : first;
                }
            }
        } finally {
            // Also when stopping: what reached its stream must not be sent again after a restart.
            boolean interrupted = Thread.interrupted();
            try {
                queue.removeAll(List.copyOf(finished));
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void send(List<AlertQueue.Part> lane, Map<String, Optional<Integration>> integrationsById,
            List<AlertQueue.Part> finished) {
        for (AlertQueue.Part part : lane) {
            try {
                intake.receive(integrationsById.get(part.integrationId()).orElseThrow(), part.alerts(), part.origin());
                finished.add(part);
            } catch (DataAccessResourceFailureException | TransientDataAccessException | com.mongodb.MongoException e) {
                throw e; // MongoDB away: the lane stops here and the part is retried until it is back.
            } catch (RuntimeException e) {
                if (part.attempts() + 1 >= maxAttempts) {
                    log.error("A queued alert of integration {} failed {} times; moved to {}_failed: {}",
                            part.integrationId(), maxAttempts, AlertQueue.COLLECTION, e.toString());
                    queue.deadLetter(part, e.toString());
                    continue;
                }
                queue.failedOnce(part);
                throw e; // What follows it in its stream waits, so their order is kept.
            }
        }
    }
}
