package org.incidentplatform.timeline.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.Visibility;
import org.junit.jupiter.api.Test;

class TimelineEntriesTest {

    @Test
    void theKindIsTheTypeNameWithoutNamespaceAndVersion() {
        assertThat(TimelineEntries.kindOf("org.incidentplatform.incident.opened.v1")).isEqualTo("opened");
        assertThat(TimelineEntries.kindOf("org.incidentplatform.incident.status-changed.v12"))
                .isEqualTo("status-changed");
    }

    @Test
    void anEventWithoutItsOwnWordingStillGetsAnEntryAtItsRecordingTime() {
        record AlertAttached(String fingerprint) {
        }
        Instant recordedAt = Instant.parse("2026-11-21T09:47:12Z");
        var event = new ReceivedEvent("e-1", "org.incidentplatform.incident.alert-attached.v1", "inc-1", 3,
                recordedAt, "integration:alertmanager", null, Optional.empty());

        TimelineEntry entry = TimelineEntries.from(event, new AlertAttached("abc"));

        assertThat(entry.kind()).isEqualTo("alert-attached");
        assertThat(entry.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(entry.text()).isEqualTo("Incident alert-attached");
        assertThat(entry.occurredAt()).isEqualTo(recordedAt);
        assertThat(entry.incidentSequence()).isEqualTo(3);
    }
}
