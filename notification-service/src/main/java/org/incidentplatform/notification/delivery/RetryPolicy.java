package org.incidentplatform.notification.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * When to try again: exponential back-off with jitter, so that many deliveries failing together
 * (a receiver outage) do not come back together; a receiver's Retry-After wins when it asks for more.
 */
@Component
class RetryPolicy {

    private final DeliveryProperties properties;

    RetryPolicy(DeliveryProperties properties) {
        this.properties = properties;
    }

    boolean isLastAttempt(int failuresSoFar) {
        return failuresSoFar + 1 >= properties.maxAttempts();
    }

    /** What the receiver asked for, cut to {@code maxRetryAfter}: a receiver cannot park a delivery for years. */
    Duration capped(Duration retryAfter) {
        if (retryAfter == null) {
            return null;
        }
        Duration max = properties.maxRetryAfter();
        return retryAfter.isNegative() ? Duration.ZERO : retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }

    /**
     * The delay after the given failure (1 for the first): half the exponential step plus a
     * random part of the other half; what the receiver asked for (capped) when it sent Retry-After.
     */
    Duration delayAfter(int failure, Duration retryAfter) {
        long base = properties.initialBackOff().toMillis();
        long step = Math.min(properties.maxBackOff().toMillis(), base << Math.min(failure - 1, 20));
        long jittered = step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
        if (retryAfter != null) {
            // A little jitter on top so that every queue waiting on one 429 does not return at once.
            return capped(retryAfter).plusMillis(ThreadLocalRandom.current().nextLong(100));
        }
        return Duration.ofMillis(jittered);
    }
}
