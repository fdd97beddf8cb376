package org.incidentplatform.notification.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces a loop's rounds while they keep finding work, and only then. Each round of the delivery
 * worker costs a fixed number of MongoDB commands whatever it holds; at a steady hundred incidents a
 * second, rounds that start the moment a signal comes hold one or two deliveries each, so the fixed
 * cost is paid per delivery. After a round that found work, the next one starts no sooner than
 * {@code spacing} after it began, and takes everything that arrived meanwhile. After a round that
 * found nothing, or a pause longer than the spacing, the next one starts at once: a lone delivery on
 * a quiet system never waits.
 *
 * <p>Used by one thread at a time (a loop's own thread).
 */
final class RoundPacing {

    /** Waits the given nanoseconds. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long spacingNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long lastStart;
    private boolean lastFoundWork;

    RoundPacing(Duration spacing) {
        this(spacing, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    RoundPacing(Duration spacing, LongSupplier nanoTime, Sleeper sleeper) {
        this.spacingNanos = spacing.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Before a round: waits out the spacing if the previous round found work, then marks the start. */
    void awaitTurn() throws InterruptedException {
        if (lastFoundWork && spacingNanos > 0) {
            long wait = lastStart + spacingNanos - nanoTime.getAsLong();
            if (wait > 0) {
                sleeper.sleep(wait);
            }
        }
        lastStart = nanoTime.getAsLong();
    }

    /** After a round: whether it found anything to do. */
    void roundFound(boolean work) {
        lastFoundWork = work;
    }
}
