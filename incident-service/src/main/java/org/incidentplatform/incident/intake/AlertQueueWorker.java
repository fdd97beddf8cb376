package org.incidentplatform.incident.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.leases.MongoLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends queued alert groups to their streams, oldest first, on the one instance that holds the
 * {@code intake-queue} lease, so the alerts of an integration are decided in the order they were
 * received (a resolve never overtakes its trigger). Woken at once by a group queued here; groups
 * queued on other instances are found by looking once a second while the queue is empty.
 *
 * <p>A part is sent {@code sliceSize} alerts at a time and its progress recorded after each slice,
 * so a restart repeats at most one slice: a trigger sent twice only raises the alert's fire count,
 * a resolve sent twice changes nothing. Alerts queued one per request while intake was busy are
 * worked off many at a time, concurrently across streams ({@link QueuedSingles}). MongoDB or Kafka being away is retried without limit;
 * any other failure of a part five times moves it to {@code intake_queue_failed} with its error.
 */
@Component
class AlertQueueWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertQueueWorker.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration IDLE_LOOK = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);
    /** Single-alert parts (alerts queued one per request while intake was busy) taken per round. */
    private static final int MAX_SINGLES = 500;

    private final AlertQueue queue;
    private final AlertIntake intake;
    private final IntegrationRepository integrations;
    private final MongoLease lease;
    private final int sliceSize;
    private final QueuedSingles singles;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    private boolean indexed;
    private int backOffs;

    AlertQueueWorker(AlertQueue queue, AlertIntake intake, IntegrationRepository integrations, MongoTemplate mongo,
            MeterRegistry meters, @Value("${incidents.relay.node-id:}") String nodeId,
            @Value("${incidents.intake.queue-slice-size:500}") int sliceSize,
            @Value("${incidents.intake.queue-concurrency:16}") int concurrency) {
        this.queue = queue;
        this.intake = intake;
        this.integrations = integrations;
        this.lease = new MongoLease(mongo, "intake-queue", MongoLease.ownerName(nodeId), Duration.ofSeconds(10));
        this.sliceSize = sliceSize;
        this.singles = new QueuedSingles(queue, intake, integrations, concurrency, MAX_ATTEMPTS);
        Gauge.builder("incidents.intake.queue.parts", this, worker -> worker.depthOrNaN())
                .description("Parts of alert groups stored but not yet sent to their streams (up to 1,000 alerts each)")
                .register(meters);
    }

    /** A group was queued on this instance: look at once. */
    void wakeUp() {
        wakeUp.release();
    }

    @Override
    public void start() {
        singles.start();
        running = true;
        thread = Thread.ofPlatform().daemon().name("intake-queue").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        singles.stop();
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.debug("Releasing the intake queue lease failed; it expires by itself", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (!lease.holdOrAcquire()) {
                    Thread.sleep(Duration.ofSeconds(2)); // Another instance holds the lease: look again later.
                    continue;
                }
                if (!indexed) {
                    queue.createIndexes();
                    indexed = true;
                }
                long readStarted = System.nanoTime();
                List<AlertQueue.Part> parts = queue.next(MAX_SINGLES);
                if (parts.isEmpty()) {
                    queue.seenEmpty(readStarted);
                    backOffs = 0;
                    wakeUp.drainPermits();
                    wakeUp.tryAcquire(IDLE_LOOK.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                if (parts.getFirst().alerts().size() > 1) {
                    work(parts.getFirst()); // a group: sent in slices, its progress recorded after each
                } else {
                    singles.work(parts);
                }
                backOffs = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Working off the intake queue failed; retrying: {}", e.toString());
                backOff();
            }
        }
    }

    private void work(AlertQueue.Part part) throws InterruptedException {
        Optional<Integration> integration = integrations.find(part.integrationId());
        if (integration.isEmpty()) {
            log.warn("Dropping {} queued alerts of integration {}: it was deleted", part.alerts().size() - part.done(),
                    part.integrationId());
            queue.remove(part);
            return;
        }
        try {
            for (int from = part.done(); from < part.alerts().size(); from += sliceSize) {
                int to = Math.min(part.alerts().size(), from + sliceSize);
                intake.receive(integration.get(), part.alerts().subList(from, to), part.origin());
                queue.sent(part, to);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            queue.remove(part);
        } catch (DataAccessResourceFailureException | TransientDataAccessException | com.mongodb.MongoException e) {
            throw e; // MongoDB away: retried until it is back.
        } catch (RuntimeException e) {
            if (!running) {
                throw e;
            }
            if (part.attempts() + 1 >= MAX_ATTEMPTS) {
                log.error("Queued alerts of integration {} failed {} times; moved to {}_failed: {}",
                        part.integrationId(), MAX_ATTEMPTS, AlertQueue.COLLECTION, e.toString());
                queue.deadLetter(part, e.toString());
            } else {
                queue.failedOnce(part);
                throw e;
            }
        }
    }

    private void backOff() {
        backOffs++;
        long millis = Math.min(MAX_BACK_OFF.toMillis(), 100L << Math.min(backOffs, 10));
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop() interrupts: the loop sees running == false.
        }
    }

    private double depthOrNaN() {
        try {
            return queue.depth();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
