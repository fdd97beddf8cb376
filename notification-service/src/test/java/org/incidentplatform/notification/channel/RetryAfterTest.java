package org.incidentplatform.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void delaySecondsAreReadAsSeconds() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void hugeDelaysAreReadAsTheLongestDelayInsteadOfOverflowing() {
        assertThat(RetryAfter.parse("99999999999", NOW)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("9223372036854775807", NOW)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("9".repeat(40), NOW)).isEqualTo(RetryAfter.LONGEST);
        assertThat(NOW.plus(RetryAfter.parse("9".repeat(40), NOW))).isAfter(NOW);
    }

    @Test
    void anHttpDateIsReadAsTheTimeUntilThen() {
        assertThat(RetryAfter.parse("Fri, 04 Dec 2026 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW)).isEqualTo(RetryAfter.LONGEST);
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void negativeGarbageAndEmptyValuesAreIgnored() {
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse("1.5", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("Fri, 32 Dec 2026 12:00:00 GMT", NOW)).isNull();
    }
}
