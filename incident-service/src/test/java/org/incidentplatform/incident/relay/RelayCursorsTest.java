package org.incidentplatform.incident.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two conditional updates the relay's completeness rests on, in the interleavings that
 * matter. The aggregate here has no stored events, so the running relay leaves its cursor alone.
 */
@IncidentServiceTest
class RelayCursorsTest {

    @Autowired
    RelayCursors cursors;

    @Test
    void aCursorStaysPendingWhenAWriterAnnouncedAfterTheRelayReadIt() {
        String aggregate = "cursor-" + UUID.randomUUID();
        announce(aggregate, 0);
        RelayCursors.Cursor read = cursors.find(aggregate).orElseThrow();

        announce(aggregate, 1); // A writer announces while the relay is relaying what it read.

        assertThat(cursors.markRelayed(read, 0)).as("cleared although 1 was announced since").isFalse();
        RelayCursors.Cursor after = cursors.find(aggregate).orElseThrow();
        assertThat(after.relayed()).isZero();
        assertThat(after.announced()).isEqualTo(1);
        assertThat(after.pendingSince()).isNotNull();

        assertThat(cursors.markRelayed(after, 1)).isTrue();
        assertThat(cursors.find(aggregate).orElseThrow().pendingSince()).isNull();
    }

    @Test
    void relayingLessThanWasAnnouncedNeverClearsTheCursor() {
        String aggregate = "cursor-" + UUID.randomUUID();
        announce(aggregate, 3);
        RelayCursors.Cursor read = cursors.find(aggregate).orElseThrow();

        assertThat(cursors.markRelayed(read, 2)).isFalse();

        RelayCursors.Cursor after = cursors.find(aggregate).orElseThrow();
        assertThat(after.relayed()).isEqualTo(2);
        assertThat(after.pendingSince()).isNotNull();
    }

    @Test
    void anAnnouncementAfterTheCursorWasClearedMakesItPendingAgainAndNeverLowersIt() {
        String aggregate = "cursor-" + UUID.randomUUID();
        announce(aggregate, 0);
        assertThat(cursors.markRelayed(cursors.find(aggregate).orElseThrow(), 0)).isTrue();

        announce(aggregate, 1);
        announce(aggregate, 0); // A late writer's older announcement does not lower it.

        RelayCursors.Cursor after = cursors.find(aggregate).orElseThrow();
        assertThat(after.announced()).isEqualTo(1);
        assertThat(after.relayed()).isZero();
        assertThat(after.pendingSince()).isNotNull();
    }

    private void announce(String aggregate, long sequence) {
        cursors.announce(List.of(new GenericDomainEventMessage<>("CursorTest", aggregate, sequence, "payload")));
    }
}
