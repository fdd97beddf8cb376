package org.incidentplatform.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.Test;

/** A consumer waits after a batch only for what is left of the spacing; a slow batch or an idle one never waits. */
class BusyPollSpacingTest {

    private static final long MS = 1_000_000L;

    private long now = 5_000 * MS;
    private final List<Long> slept = new ArrayList<>();
    private final BusyPollSpacing spacing = new BusyPollSpacing(Duration.ofMillis(100), () -> now, nanos -> {
        slept.add(nanos);
        now += nanos;
    });
    private final ConsumerRecords<Object, Object> batch = ConsumerRecords.empty();

    @Test
    void afterAQuickBatchTheConsumerWaitsOutTheRestOfTheSpacing() {
        assertThat(spacing.intercept(batch, null)).isSameAs(batch);
        now += 15 * MS; // the listener wrote the batch in 15 ms

        spacing.success(batch, null);

        assertThat(slept).containsExactly(85 * MS);
    }

    @Test
    void afterABatchSlowerThanTheSpacingTheNextPollIsAtOnce() {
        spacing.intercept(batch, null);
        now += 140 * MS;

        spacing.success(batch, null);

        assertThat(slept).isEmpty();
    }

    @Test
    void eachBatchIsTimedFromItsOwnStartNotFromTheFirst() {
        spacing.intercept(batch, null);
        now += 10 * MS;
        spacing.success(batch, null); // waits 90 ms
        now += 3_000 * MS; // a quiet spell: no batch reaches the listener

        spacing.intercept(batch, null);
        now += 30 * MS;
        spacing.success(batch, null);

        assertThat(slept).containsExactly(90 * MS, 70 * MS);
    }

    @Test
    void consumerThreadsAreTimedApart() throws InterruptedException {
        spacing.intercept(batch, null);
        now += 60 * MS;
        Thread other = Thread.ofPlatform().start(() -> spacing.intercept(batch, null)); // another container's batch
        other.join();
        now += 10 * MS;

        spacing.success(batch, null);

        assertThat(slept).containsExactly(30 * MS);
    }

    @Test
    void anInterruptedWaitEndsAndLeavesTheFlagForTheStoppingContainer() {
        BusyPollSpacing interrupted = new BusyPollSpacing(Duration.ofMillis(100), () -> now, nanos -> {
            throw new InterruptedException();
        });
        interrupted.intercept(batch, null);

        interrupted.success(batch, null);

        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void zeroOrNegativeSpacingIsRefused() {
        assertThatThrownBy(() -> new BusyPollSpacing(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusyPollSpacing(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
