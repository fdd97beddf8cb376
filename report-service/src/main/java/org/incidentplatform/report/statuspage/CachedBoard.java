package org.incidentplatform.report.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last computed status board, recomputed only when the reports changed (and at least
 * {@code minInterval} after the previous computation) or when it is older than {@code maxAge}
 * (the "last 14 days" window moves with the clock). However many anonymous readers arrive, the
 * reports are scanned at most once per {@code minInterval} while they change, and once per
 * {@code maxAge} while they do not; one computation runs at a time.
 */
final class CachedBoard<T> {

    private final Supplier<T> compute;
    private final LongSupplier reportsVersion;
    private final Clock clock;
    private final Duration minInterval;
    private final Duration maxAge;

    private T board;
    private long computedAtVersion;
    private Instant computedAt = Instant.MIN;

    CachedBoard(Supplier<T> compute, LongSupplier reportsVersion, Clock clock, Duration minInterval, Duration maxAge) {
        this.compute = compute;
        this.reportsVersion = reportsVersion;
        this.clock = clock;
        this.minInterval = minInterval;
        this.maxAge = maxAge;
    }

    synchronized T get() {
        Instant now = clock.instant();
        long version = reportsVersion.getAsLong();
        boolean changed = board == null || version != computedAtVersion;
        boolean mayRefresh = !now.isBefore(computedAt.plus(minInterval));
        boolean expired = !now.isBefore(computedAt.plus(maxAge));
        if ((changed && mayRefresh) || expired) {
            // Read the version first: a change that lands during the computation triggers the next one.
            computedAtVersion = version;
            board = compute.get();
            computedAt = now;
        }
        return board;
    }
}
