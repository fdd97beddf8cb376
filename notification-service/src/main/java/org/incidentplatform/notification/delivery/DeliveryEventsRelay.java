package org.incidentplatform.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.incidentplatform.tracing.StoredTraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * Sends what {@link DeliveryEventsOutbox} holds to Kafka on one thread of its own, oldest first,
 * and removes each record once the broker acknowledged it. While Kafka is away the first send of a
 * round fails after the producer's {@code max.block.ms} (application.yml) and the round stops;
 * the records stay for the next. Instances share the outbox by claiming records with a lease, so
 * a record is sent once, or again when its sender died before the acknowledgement: at least
 * once, and a delivery event keeps its CloudEvent id, which timeline-service stores it under.
 */
@Component
class DeliveryEventsRelay implements SmartLifecycle {

    static final int BATCH = 100;
    /** Longer than a round can take: sends, then {@link #ACK_WAIT}. */
    static final Duration LEASE = Duration.ofSeconds(90);
    /** Above the producer's delivery.timeout.ms (application.yml): by then every send has an answer. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(40);
    private static final Duration IDLE_PAUSE = Duration.ofMillis(200);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(DeliveryEventsRelay.class);

    private final DeliveryEventsOutbox outbox;
    private final KafkaOperations<Object, Object> kafka;
    private final StoredTraceContext traces;
    private final Clock clock;
    private volatile ScheduledExecutorService thread;
    private volatile long lastWarned = System.nanoTime() - WARN_EVERY.toNanos();

    DeliveryEventsRelay(DeliveryEventsOutbox outbox, KafkaOperations<Object, Object> kafka, StoredTraceContext traces,
            Clock clock) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.traces = traces;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("delivery-events-relay").factory());
            thread.scheduleWithFixedDelay(this::drain, 0, IDLE_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void drain() {
        try {
            while (relayOnce() == BATCH) {
                // A full round: more may be waiting.
            }
        } catch (RuntimeException failure) {
            warn("Relaying delivery events failed: " + failure);
        }
    }

    /** One round: claims, sends and settles up to {@link #BATCH} records; returns how many Kafka acknowledged. */
    int relayOnce() {
        Instant now = clock.instant();
        List<DeliveryEventsOutbox.Entry> claimed = outbox.claim(BATCH, now, now.plus(LEASE));
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (DeliveryEventsOutbox.Entry entry : claimed) {
            CompletableFuture<?> send = send(entry);
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                break; // Kafka is away (metadata wait ran out): the rest would wait as long, each.
            }
        }
        long deadline = System.nanoTime() + ACK_WAIT.toNanos();
        List<String> acknowledged = new ArrayList<>();
        List<String> unsent = new ArrayList<>();
        Throwable firstFailure = null;
        for (int i = 0; i < claimed.size(); i++) {
            String id = claimed.get(i).id();
            try {
                if (i >= sends.size()) {
                    unsent.add(id);
                    continue;
                }
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(id);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                unsent.add(id);
            } catch (Exception failure) {
                unsent.add(id);
                firstFailure = firstFailure == null ? rootCause(failure) : firstFailure;
            }
        }
        outbox.remove(acknowledged);
        outbox.release(unsent);
        if (firstFailure != null) {
            warn("Kafka did not take " + unsent.size() + " delivery event(s) of this round; they wait in the outbox: " + firstFailure);
        }
        return acknowledged.size();
    }

    private CompletableFuture<?> send(DeliveryEventsOutbox.Entry entry) {
        try {
            // The template's send span is a child of this one, so the record's traceparent header
            // continues the trace of the delivery that queued it.
            return traces.inChildSpan(entry.traceparent(), "delivery-event publish",
                    () -> kafka.send(entry.topic(), entry.key(), entry.value()));
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private void warn(String message) {
        long now = System.nanoTime();
        if (now - lastWarned >= WARN_EVERY.toNanos()) {
            lastWarned = now;
            log.warn(message);
        }
    }
}
