package org.incidentplatform.consuming;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Spaces a batch listener's polls while they keep bringing records, and only then. Each poll of a
 * projection costs a fetch, an offset commit and a fixed number of MongoDB commands whatever it
 * holds; at a steady hundred alerts a second the polls of a consumer that polls again at once hold
 * one or two records, so those costs are paid per record (timeline and report used a tenth of a core
 * each at that rate, against a fortieth per alert during a burst).
 *
 * <p>After a batch, the consumer thread waits until {@code spacing} has passed since the batch was
 * handed over, so the next poll takes everything that arrived meanwhile. A poll that brings nothing
 * never reaches a batch listener, so after a quiet spell the next record is handled as soon as it
 * is fetched: a lone event on a quiet system never waits. A batch that took longer than the spacing
 * is followed by the next poll at once, so a backlog is read as fast as without spacing. Only for
 * consumers off the path to a notification (timeline, report): there the wait is invisible, on
 * that path it would be added to every page.
 *
 * <p>The wait happens before the batch's offsets are committed; a crash in it redelivers the
 * batch, which the projections' writes already tolerate.
 */
public final class BusyPollSpacing implements BatchInterceptor<Object, Object> {

    /** Waits the given nanoseconds. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long spacingNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** When the current batch of this consumer thread was handed to its listener. */
    private final ThreadLocal<long[]> batchStart = ThreadLocal.withInitial(() -> new long[1]);

    public BusyPollSpacing(Duration spacing) {
        this(spacing, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    BusyPollSpacing(Duration spacing, LongSupplier nanoTime, Sleeper sleeper) {
        if (spacing.isNegative() || spacing.isZero()) {
            throw new IllegalArgumentException("incidents.consumer.busy-poll-spacing must be positive");
        }
        this.spacingNanos = spacing.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        batchStart.get()[0] = nanoTime.getAsLong();
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        long wait = batchStart.get()[0] + spacingNanos - nanoTime.getAsLong();
        if (wait <= 0) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // The container is stopping: let it see the flag.
        }
    }
}
