package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TargetRateLimiterTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

    private final TargetRateLimiter limiter = new TargetRateLimiter();

    @Test
    void aReceiversPauseHoldsForAChannelWithoutPacing() {
        assertThat(limiter.tryAcquire("webhook:ops", Duration.ZERO, NOW)).isEmpty();

        limiter.pauseUntil("webhook:ops", NOW.plus(Duration.ofHours(1)));

        assertThat(limiter.tryAcquire("webhook:ops", Duration.ZERO, NOW.plusSeconds(1)))
                .contains(NOW.plus(Duration.ofHours(1)));
        assertThat(limiter.tryAcquire("webhook:ops", Duration.ZERO, NOW.plus(Duration.ofHours(1)).plusSeconds(1)))
                .as("the pause is over").isEmpty();
        assertThat(limiter.tryAcquire("webhook:other", Duration.ZERO, NOW.plusSeconds(1)))
                .as("other targets are not paused").isEmpty();
    }

    @Test
    void aPacedChannelGetsOneSlotPerInterval() {
        Duration second = Duration.ofSeconds(1);

        assertThat(limiter.tryAcquire("slack:#ops", second, NOW)).isEmpty();
        assertThat(limiter.tryAcquire("slack:#ops", second, NOW.plusMillis(500))).contains(NOW.plus(second));
        assertThat(limiter.tryAcquire("slack:#ops", second, NOW.plus(second))).isEmpty();
    }
}
