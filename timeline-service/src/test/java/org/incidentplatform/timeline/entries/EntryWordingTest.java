package org.incidentplatform.timeline.entries;

import org.incidentplatform.consuming.DeliveryEventReader;
import org.incidentplatform.consuming.ReceivedDelivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentplatform.events.Visibility.INTERNAL;
import static org.incidentplatform.events.Visibility.PUBLIC;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.events.DeliveryEventTypes;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.consuming.testing.TestEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The kind, wording and visibility of every entry, read from the contract's samples. */
class EntryWordingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final IncidentEventReader reader = new IncidentEventReader(JSON, new SimpleMeterRegistry());
    private final DeliveryEventReader deliveries = new DeliveryEventReader(JSON, new SimpleMeterRegistry());

    /** The documented visibility table (README): public is what a status page would show. */
    private static final Map<String, Visibility> VISIBILITY = Map.ofEntries(
            Map.entry(EventTypes.INCIDENT_OPENED, PUBLIC),
            Map.entry(EventTypes.INCIDENT_ACKNOWLEDGED, PUBLIC),
            Map.entry(EventTypes.STATUS_UPDATED, PUBLIC), // the sample is visibleToPublic
            Map.entry(EventTypes.SEVERITY_CHANGED, PUBLIC),
            Map.entry(EventTypes.COMMANDER_ASSIGNED, INTERNAL),
            Map.entry(EventTypes.RESPONDER_ADDED, INTERNAL),
            Map.entry(EventTypes.RESPONDER_REMOVED, INTERNAL),
            Map.entry(EventTypes.NOTE_ADDED, INTERNAL), // the sample note is internal
            Map.entry(EventTypes.IMPACT_ASSESSED, PUBLIC),
            Map.entry(EventTypes.INCIDENT_MITIGATED, PUBLIC),
            Map.entry(EventTypes.INCIDENT_RESOLVED, PUBLIC),
            Map.entry(EventTypes.INCIDENT_REOPENED, PUBLIC),
            Map.entry(EventTypes.POSTMORTEM_UPDATED, INTERNAL),
            Map.entry(EventTypes.ACTION_ITEM_ADDED, INTERNAL),
            Map.entry(EventTypes.ACTION_ITEM_UPDATED, INTERNAL),
            Map.entry(EventTypes.INCIDENT_CLOSED, PUBLIC),
            Map.entry(EventTypes.ALERT_ATTACHED, INTERNAL),
            Map.entry(EventTypes.ALERT_RESOLVED, INTERNAL),
            Map.entry(EventTypes.ESCALATION_STARTED, INTERNAL),
            Map.entry(EventTypes.ESCALATION_STEP_REACHED, INTERNAL),
            Map.entry(EventTypes.PERSON_PAGED, INTERNAL),
            Map.entry(EventTypes.ESCALATION_STOPPED, INTERNAL));

    @Test
    void everyIncidentEventTypeHasItsOwnKindTextAndDocumentedVisibility() {
        assertThat(VISIBILITY.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.all());
        for (String type : EventTypes.all()) {
            TimelineEntry entry = TimelineEntries.from(reader.read(EventSamples.json(type)));

            assertThat(entry.kind()).as(type).isEqualTo(TimelineEntries.kindOf(type)).doesNotContain(".");
            assertThat(entry.visibility()).as(type).isEqualTo(VISIBILITY.get(type));
            assertThat(entry.text()).as(type).isNotBlank();
            // The fallback for types this switch does not know would place it when recorded.
            assertThat(entry.occurredAt()).as(type).isNotEqualTo(entry.recordedAt());
        }
    }

    @Test
    void aPageSaysWhoWasPagedWhyAndHowAndAStoppedEscalationWhy() {
        assertThat(TimelineEntries.from(reader.read(EventSamples.json(EventTypes.PERSON_PAGED))).text())
                .isEqualTo("Paged Ada Lovelace (on call for Database primary) by e-mail, Slack, SMS after 2 min");
        assertThat(TimelineEntries.from(reader.read(EventSamples.json(EventTypes.ESCALATION_STOPPED))).text())
                .isEqualTo("Escalation stopped: the incident was acknowledged");
        assertThat(TimelineEntries.from(reader.read(EventSamples.json(EventTypes.ESCALATION_STEP_REACHED))).text())
                .isEqualTo("Escalation step 1 of round 1: paging on call for Database primary; "
                        + "next step at 2026-11-21T09:50:01Z unless acknowledged");
    }

    @Test
    void aStatusUpdateIsPublicOnlyWhenVisibleToThePublic() {
        TestEvent update = TestEvent.fromSample(EventTypes.STATUS_UPDATED);

        TimelineEntry shown = TimelineEntries.from(reader.read(update.json()));
        TimelineEntry hidden = TimelineEntries.from(reader.read(update.withData("visibleToPublic", "false").json()));

        assertThat(shown.visibility()).isEqualTo(PUBLIC);
        assertThat(shown.text()).isEqualTo("Investigating: We are investigating failed API requests.");
        assertThat(hidden.visibility()).isEqualTo(INTERNAL);
    }

    @Test
    void aNoteCarriesItsOwnVisibilityAndItsBackDatedTime() {
        TestEvent note = TestEvent.fromSample(EventTypes.NOTE_ADDED).withData("visibility", "PUBLIC");

        TimelineEntry entry = TimelineEntries.from(reader.read(note.json()));

        assertThat(entry.visibility()).isEqualTo(PUBLIC);
        assertThat(entry.text()).isEqualTo("Note: 9:47pm PST: router issue confirmed");
        assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-11-21T05:47:00Z"));
        assertThat(entry.recordedAt()).isEqualTo(Instant.parse("2026-11-21T09:47:12.345Z"));
    }

    @Test
    void aDeliveryReadsLikeTheChannelAndTarget() {
        TimelineEntry entry = DeliveryEntries.from(deliveries.read(EventSamples.json(DeliveryEventTypes.NOTIFICATION_DELIVERED)));

        assertThat(entry.kind()).isEqualTo("notification-delivered");
        assertThat(entry.text()).isEqualTo("Slack #ops notified");
        assertThat(entry.visibility()).isEqualTo(INTERNAL);
        assertThat(entry.incidentSequence()).as("the notified event's sequence").isEqualTo(1);
        assertThat(entry.actor()).isEqualTo("notification-service");
        assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-11-21T09:47:14.001Z"));
    }

    @Test
    void aFailedDeliverySaysWhereWhichAttemptAndWhy() {
        TimelineEntry entry = DeliveryEntries.from(deliveries.read(EventSamples.json(DeliveryEventTypes.NOTIFICATION_FAILED)));

        assertThat(entry.kind()).isEqualTo("notification-failed");
        assertThat(entry.text())
                .isEqualTo("Email to oncall@example.com failed (attempt 3): SMTP connection timed out; no more attempts");
        assertThat(entry.visibility()).isEqualTo(INTERNAL);
    }

    @Test
    void anUnknownDeliveryTypeHasNoPayloadAndIsCounted() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String unknown = EventSamples.json(DeliveryEventTypes.NOTIFICATION_DELIVERED)
                .replace(DeliveryEventTypes.NOTIFICATION_DELIVERED, "org.incidentplatform.notification.read.v1");

        ReceivedDelivery delivery = new DeliveryEventReader(JSON, meters).read(unknown);

        assertThat(delivery.payload()).isEmpty();
        assertThat(meters.counter("delivery.events.unknown", "type", "org.incidentplatform.notification.read.v1").count())
                .isEqualTo(1);
    }
}
