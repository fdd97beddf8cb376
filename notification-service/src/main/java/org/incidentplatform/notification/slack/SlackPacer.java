package org.incidentplatform.notification.slack;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Spaces {@code chat.postMessage} calls to one Slack channel at the moment they are made. The
 * worker's rate limiter already hands out one slot per interval, so the wait here is the few
 * milliseconds by which work between taking a slot and calling Slack varies (MongoDB reads, a
 * GC pause); without it two posts a little under a second apart earn a 429.
 */
@Component
class SlackPacer {

    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> lastPostNanos = new ConcurrentHashMap<>();
    private final Duration interval;

    SlackPacer(SlackProperties properties) {
        this.interval = properties.minInterval();
    }

    <T> T paced(String channel, java.util.function.Supplier<T> post) {
        synchronized (locks.computeIfAbsent(channel, name -> new Object())) {
            Long last = lastPostNanos.get(channel);
            if (last != null) {
                long waitNanos = last + interval.toNanos() - System.nanoTime();
                if (waitNanos > 0) {
                    sleep(waitNanos);
                }
            }
            try {
                return post.get();
            } finally {
                // From the end of the call: the next one then arrives at least an interval after this one did.
                lastPostNanos.put(channel, System.nanoTime());
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
