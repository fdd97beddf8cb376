package org.incidentplatform.notification.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the delivery worker when there is new work (deliveries recorded, a queue settled) so it
 * looks at once instead of at its next poll. Signals coalesce: many signals while the worker is
 * busy make one more look, so under load it takes everything due in one round.
 */
@Component
class WorkSignal {

    private final Semaphore pending = new Semaphore(0);

    void signal() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits for a signal, at most {@code timeout}. */
    void await(Duration timeout) throws InterruptedException {
        pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.drainPermits();
    }
}
