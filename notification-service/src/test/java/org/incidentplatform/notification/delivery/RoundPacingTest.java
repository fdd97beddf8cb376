package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rounds are spaced only while they keep finding work; a quiet worker starts at once. */
class RoundPacingTest {

    private static final long MS = 1_000_000L;

    private long now = 1_000 * MS;
    private final List<Long> slept = new ArrayList<>();
    private final RoundPacing pacing = new RoundPacing(Duration.ofMillis(50), () -> now, nanos -> {
        slept.add(nanos);
        now += nanos;
    });

    @Test
    void aRoundAfterOneThatFoundWorkWaitsOutTheRestOfTheSpacing() throws InterruptedException {
        pacing.awaitTurn();
        pacing.roundFound(true);
        now += 12 * MS; // the round took 12 ms, and a signal came at once

        pacing.awaitTurn();

        assertThat(slept).containsExactly(38 * MS);
    }

    @Test
    void aRoundAfterOneThatFoundNothingStartsAtOnce() throws InterruptedException {
        pacing.awaitTurn();
        pacing.roundFound(false);
        now += 1 * MS;

        pacing.awaitTurn();

        assertThat(slept).isEmpty();
    }

    @Test
    void aRoundAfterAQuietSpellLongerThanTheSpacingStartsAtOnce() throws InterruptedException {
        pacing.awaitTurn();
        pacing.roundFound(true);
        now += 80 * MS;

        pacing.awaitTurn();

        assertThat(slept).isEmpty();
    }

    @Test
    void theFirstRoundNeverWaitsAndZeroSpacingNeverWaits() throws InterruptedException {
        pacing.awaitTurn();
        RoundPacing off = new RoundPacing(Duration.ZERO, () -> now, nanos -> slept.add(nanos));
        off.awaitTurn();
        off.roundFound(true);
        off.awaitTurn();

        assertThat(slept).isEmpty();
    }
}
