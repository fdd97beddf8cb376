package org.incidentplatform.incident.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired idempotency records on a timer: the TTL index does this on a real MongoDB, but
 * the embedded server only accepts TTL indexes without acting on them, and the collection must
 * not grow for ever there either.
 */
class IdempotencySweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencySweeper.class);

    private final IdempotencyStore store;
    private final Duration interval;
    private ScheduledExecutorService timer;

    IdempotencySweeper(IdempotencyStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    void sweep() {
        try {
            long deleted = store.deleteExpired(Instant.now());
            if (deleted > 0) {
                log.debug("Deleted {} expired idempotency records", deleted);
            }
        } catch (RuntimeException storeAway) {
            log.warn("Idempotency sweep failed, retrying in {}: {}", interval, storeAway.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("idempotency-sweep").daemon().factory());
        timer.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
