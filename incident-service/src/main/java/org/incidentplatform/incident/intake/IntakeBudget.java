package org.incidentplatform.incident.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per integration key: one sender over its budget is told to slow down (429) while
 * every other integration keeps its intake. In this instance's memory; N instances allow N times
 * the rate, which is what a per-instance concurrency bound ({@link IntakeLimiter}) also assumes.
 */
final class IntakeBudget {

    private static final int MAX_TRACKED_KEYS = 10_000;

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    IntakeBudget(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("incidents.intake.budget needs per-second > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** 0 when the request may go ahead; otherwise the milliseconds until the key has budget again. */
    long take(String keyHash, long nowNanos) {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear(); // Bounded memory under a flood of made-up keys; budgets restart full.
        }
        return buckets.computeIfAbsent(keyHash, k -> new Bucket(burst, nowNanos)).take(perSecond, burst, nowNanos);
    }

    private static final class Bucket {
        private double tokens;
        private long lastRefill;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastRefill = now;
        }

        synchronized long take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - lastRefill) / 1e9 * perSecond);
            lastRefill = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1000);
        }
    }
}
