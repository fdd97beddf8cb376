package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(new DeliveryProperties(5, Duration.ofSeconds(2),
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMillis(200), 8, Duration.ofSeconds(60),
            Duration.ofHours(1), Duration.ofMillis(50)));

    @RepeatedTest(20)
    void theDelayDoublesPerFailureWithJitterInTheUpperHalf() {
        assertThat(policy.delayAfter(1, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(policy.delayAfter(3, null)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(policy.delayAfter(10, null)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    @Test
    void aReceiversRetryAfterIsHonoured() {
        assertThat(policy.delayAfter(1, Duration.ofSeconds(30))).isBetween(Duration.ofSeconds(30),
                Duration.ofMillis(30_100));
    }

    @Test
    void aRetryAfterLongerThanTheCapIsCutToTheCap() {
        assertThat(policy.delayAfter(1, Duration.ofDays(365L * 100))).isBetween(Duration.ofHours(1),
                Duration.ofHours(1).plusMillis(100));
        assertThat(policy.capped(Duration.ofSeconds(99_999_999_999L))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theFifthFailureIsTheLast() {
        assertThat(policy.isLastAttempt(3)).isFalse();
        assertThat(policy.isLastAttempt(4)).isTrue();
    }
}
