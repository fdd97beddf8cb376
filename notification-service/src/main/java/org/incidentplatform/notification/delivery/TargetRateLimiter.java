package org.incidentplatform.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Spaces sends to one target (a Slack channel, a webhook URL) so that the service stays under
 * the receiver's limit instead of learning it from 429s. In memory: after a restart the first
 * send may come early, and a 429 then pushes the slot back.
 */
@Component
class TargetRateLimiter {

    private final ConcurrentMap<String, Instant> nextFree = new ConcurrentHashMap<>();

    /**
     * Reserves the slot now, or says when the next one is free without reserving anything. A
     * pause a receiver asked for (Retry-After) holds for every channel, paced or not: a channel
     * without an interval once skipped the check, and a 503 receiver got every queued delivery.
     */
    Optional<Instant> tryAcquire(String target, Duration interval, Instant now) {
        Instant[] busyUntil = new Instant[1];
        nextFree.compute(target, (key, free) -> {
            if (free != null && free.isAfter(now)) {
                busyUntil[0] = free;
                return free;
            }
            return interval.isZero() ? null : now.plus(interval);
        });
        return Optional.ofNullable(busyUntil[0]);
    }

    /** The receiver asked for a pause: no send to the target before then. */
    void pauseUntil(String target, Instant until) {
        nextFree.merge(target, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** When the next slot is free (now if there is no limit in force). */
    Instant nextSlot(String target, Instant now) {
        Instant free = nextFree.get(target);
        return free == null || free.isBefore(now) ? now : free;
    }

    void forgetAll() {
        nextFree.clear();
    }
}
