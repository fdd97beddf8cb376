package org.incidentplatform.notification.delivery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Writes the outcome of a message that has already gone out, retrying while MongoDB is away.
 * Given up at once, the outcome would be lost with the delivery still leased; when the lease ran
 * out the message would go out a second time (the fault-injection suite saw webhook calls twice
 * after a MongoDB restart). Retried while this worker still holds the lease, so no other worker takes the delivery meanwhile.
 */
final class OutcomeWrites {

    private static final Logger log = LoggerFactory.getLogger(OutcomeWrites.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private OutcomeWrites() {
    }

    /** Runs {@code write} until it succeeds or {@code within} has passed; then the last failure is thrown. */
    static void untilStored(String deliveryId, Duration within, Runnable write) {
        long giveUpAt = System.nanoTime() + within.toNanos();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                if (attempt > 1) {
                    log.info("Outcome of delivery {} recorded after {} attempts", deliveryId, attempt);
                }
                return;
            } catch (DataAccessResourceFailureException | TransientDataAccessException unavailable) {
                if (System.nanoTime() + pause.toNanos() > giveUpAt) {
                    throw unavailable;
                }
                if (attempt == 1) {
                    log.warn("Delivery {} was sent but its outcome cannot be recorded yet, retrying: {}", deliveryId,
                            unavailable.toString());
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw unavailable;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
