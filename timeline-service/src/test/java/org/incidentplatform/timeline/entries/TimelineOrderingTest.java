package org.incidentplatform.timeline.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.DeliveryEventTypes;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.Topics;
import org.incidentplatform.timeline.IncidentSamples;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Event sequences replayed into the projection through its listeners, without Kafka in between. */
class TimelineOrderingTest extends TimelineServiceTest {

    @Autowired
    private IncidentEventsListener incidentEvents;

    @Autowired
    private DeliveryEventsListener deliveryEvents;

    @Autowired
    private TimelineProjection projection;

    @Test
    void aBackDatedNoteRecordedLastSlotsInWhereItHappened() {
        IncidentSamples incident = new IncidentSamples();
        TestEvent opened = incident.event(EventTypes.INCIDENT_OPENED, 0).withData("occurredAt", "2026-11-21T09:40:00Z");
        TestEvent mitigated = incident.event(EventTypes.INCIDENT_MITIGATED, 1).withData("occurredAt", "2026-11-21T12:22:00Z");
        TestEvent resolved = incident.event(EventTypes.INCIDENT_RESOLVED, 2).withData("occurredAt", "2026-11-21T15:15:00Z");
        TestEvent backDatedNote = incident.event(EventTypes.NOTE_ADDED, 3).withData("occurredAt", "2026-11-21T11:00:00+01:00");

        List.of(opened, mitigated, resolved, backDatedNote).forEach(this::deliver);

        assertThat(kinds(incident)).containsExactly("opened", "note-added", "mitigated", "resolved");
    }

    @Test
    void eventsArrivingOutOfOrderStillReadInTheOrderTheyHappened() {
        IncidentSamples incident = new IncidentSamples();
        TestEvent opened = incident.event(EventTypes.INCIDENT_OPENED, 0).withData("occurredAt", "2026-11-21T09:40:00Z");
        TestEvent acknowledged = incident.event(EventTypes.INCIDENT_ACKNOWLEDGED, 1).withData("occurredAt", "2026-11-21T09:45:00Z");
        TestEvent closed = incident.event(EventTypes.INCIDENT_CLOSED, 2).withData("occurredAt", "2026-12-01T10:00:00Z");

        List.of(closed, acknowledged, opened).forEach(this::deliver);

        assertThat(kinds(incident)).containsExactly("opened", "acknowledged", "closed");
    }

    @Test
    void aRedeliveredEventLeavesOneUnchangedEntry() {
        IncidentSamples incident = new IncidentSamples();
        TestEvent opened = incident.event(EventTypes.INCIDENT_OPENED, 0);

        deliver(opened);
        List<TimelineEntry> once = projection.timelineOf(incident.incidentId());
        deliver(opened);
        deliver(opened);

        assertThat(projection.timelineOf(incident.incidentId())).isEqualTo(once).hasSize(1);
    }

    @Test
    void unknownTypesAmongKnownOnesLeaveNoGap() {
        IncidentSamples incident = new IncidentSamples();
        deliver(incident.event(EventTypes.INCIDENT_OPENED, 0));
        deliver(incident.event(EventTypes.INCIDENT_OPENED, 1).withType("org.incidentplatform.incident.teleported.v1"));
        deliver(incident.event(EventTypes.INCIDENT_MITIGATED, 2));

        assertThat(kinds(incident)).containsExactly("opened", "mitigated");
    }

    @Test
    void simultaneousFactsFollowTheIncidentSequenceAndDeliveriesFollowTheirNotifiedEvent() {
        IncidentSamples incident = new IncidentSamples();
        String sameInstant = "2026-11-21T09:47:14.001Z";
        deliver(incident.event(EventTypes.INCIDENT_MITIGATED, 5).withData("occurredAt", sameInstant));
        deliver(incident.event(EventTypes.INCIDENT_ACKNOWLEDGED, 1).withData("occurredAt", sameInstant));
        // The delivered sample happened at that instant, about the event at sequence 1.
        deliveryEvents.on(List.of(new ConsumerRecord<>(Topics.DELIVERY_EVENTS, 0, 0, incident.incidentId(),
                incident.delivery(DeliveryEventTypes.NOTIFICATION_DELIVERED, 1))));

        assertThat(kinds(incident)).containsExactly("acknowledged", "notification-delivered", "mitigated");
    }

    private void deliver(TestEvent event) {
        incidentEvents.on(List.of(new ConsumerRecord<>(Topics.INCIDENT_EVENTS, 0, 0, event.incidentId(), event.json())));
    }

    private List<String> kinds(IncidentSamples incident) {
        return projection.timelineOf(incident.incidentId()).stream().map(TimelineEntry::kind).toList();
    }
}
