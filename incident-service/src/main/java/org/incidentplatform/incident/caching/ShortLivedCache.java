package org.incidentplatform.incident.caching;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code ttl} (an admin list asked about for every opened incident),
 * and read again at once after {@link #forget()} (a change through this instance). A change made
 * through another instance is seen within {@code ttl}; a ttl of zero reads every time.
 */
public final class ShortLivedCache<T> {

    private final Supplier<T> read;
    private final Duration ttl;
    private volatile Entry<T> entry;

    private record Entry<T>(T value, Instant until) {
    }

    public ShortLivedCache(Supplier<T> read, Duration ttl) {
        this.read = read;
        this.ttl = ttl;
    }

    public T get() {
        Entry<T> current = entry;
        Instant now = Instant.now();
        if (current != null && current.until().isAfter(now)) {
            return current.value();
        }
        T value = read.get();
        entry = new Entry<>(value, now.plus(ttl));
        return value;
    }

    public void forget() {
        entry = null;
    }
}
