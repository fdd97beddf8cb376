package org.incidentplatform.notification.delivery;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls {@code delivery_queues} for due queues and sends each on a small pool, at most one send
 * per queue at a time. Everything it knows lives in MongoDB, so stopping it (or the process) at any
 * point loses nothing: an interrupted send keeps its lease until the lease runs out, then is due again.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryQueues queues;
    private final DeliveryLog deliveries;
    private final DeliverySender sender;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService senders;

    DeliveryWorker(DeliveryQueues queues, DeliveryLog deliveries, DeliverySender sender, DeliveryProperties properties,
            Clock clock) {
        this.queues = queues;
        this.deliveries = deliveries;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        inFlight.clear();
        senders = Executors.newFixedThreadPool(properties.workers(), Thread.ofPlatform().name("delivery-", 0).factory());
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("delivery-poller").factory());
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(this::sweep, 0, properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        poller.shutdownNow();
        senders.shutdown();
        try {
            // A send in progress finishes (or its lease expires later): never cut a record write short.
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        poller = null;
        senders = null;
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void poll() {
        try {
            for (DeliveryQueue queue : queues.due(clock.instant())) {
                if (inFlight.add(queue.id())) {
                    submit(queue);
                }
            }
        } catch (RuntimeException failure) {
            // MongoDB away: the next poll tries again; nothing is lost meanwhile.
            log.warn("Polling the delivery log failed: {}", failure.toString());
        }
    }

    private void sweep() {
        try {
            deliveries.sweep();
        } catch (RuntimeException failure) {
            log.warn("Sweeping the delivery log failed: {}", failure.toString());
        }
    }

    private void submit(DeliveryQueue queue) {
        try {
            senders.execute(() -> {
                try {
                    sender.sendDue(queue);
                } catch (RuntimeException failure) {
                    log.warn("Sending deliveries of {} failed before an outcome was recorded: {}", queue.id(),
                            failure.toString());
                } finally {
                    inFlight.remove(queue.id());
                }
            });
        } catch (RejectedExecutionException stopping) {
            inFlight.remove(queue.id());
        }
    }
}
