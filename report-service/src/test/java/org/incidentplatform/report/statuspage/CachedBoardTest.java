package org.incidentplatform.report.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Anonymous readers never cause a scan of the reports each; changes and time do. */
class CachedBoardTest {

    private final AtomicInteger scans = new AtomicInteger();
    private final AtomicLong version = new AtomicLong();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final CachedBoard<Integer> board = new CachedBoard<>(scans::incrementAndGet, version::get, clock,
            Duration.ofSeconds(1), Duration.ofSeconds(5));

    @Test
    void manyReadersOfUnchangedReportsShareOneScan() {
        for (int reader = 0; reader < 10_000; reader++) {
            board.get();
        }
        assertThat(scans).hasValue(1);
    }

    @Test
    void aChangeIsShownOnceTheMinimumIntervalHasPassed() {
        board.get();
        version.incrementAndGet();
        assertThat(board.get()).isEqualTo(1);
        now = now.plusSeconds(1);
        assertThat(board.get()).isEqualTo(2);
        assertThat(board.get()).isEqualTo(2);
    }

    @Test
    void aStormOfChangesCostsAtMostOneScanPerInterval() {
        for (int millis = 0; millis < 10_000; millis += 10) {
            version.incrementAndGet();
            now = now.plusMillis(10);
            board.get();
        }
        assertThat(scans.get()).isBetween(10, 11);
    }

    @Test
    void anUnchangedBoardIsRecomputedWhenItIsOlderThanTheMaximumAge() {
        board.get();
        now = now.plusSeconds(5);
        board.get();
        assertThat(scans).hasValue(2);
    }
}
