package org.incidentplatform.incident.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.incident.view.IncidentFold;
import org.incidentplatform.incident.view.IncidentView;
import org.incidentplatform.incident.web.RequestOrigin;
import org.springframework.stereotype.Component;

/** Reads an incident's events straight from the event store. */
@Component
public class IncidentHistory {

    private final EventStore eventStore;

    IncidentHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Every stored event of the incident in sequence order; empty when there is no such incident. */
    public List<StoredEvent> eventsOf(String incidentId) {
        List<StoredEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(incidentId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof IncidentEvent event) {
                events.add(new StoredEvent(message.getIdentifier(), EventTypes.typeNameOf(event.getClass()),
                        message.getSequenceNumber(), message.getTimestamp(), event.occurredAt(),
                        (String) message.getMetaData().get(RequestOrigin.ACTOR),
                        (String) message.getMetaData().get(RequestOrigin.CORRELATION_ID), event));
            }
        }
        return events;
    }

    /**
     * The incident as it stood at {@code instant}: every event whose fact happened by then,
     * applied in the order the facts happened (ties in sequence order). Back-dated facts count at
     * the time they happened, not when they were recorded. Empty when the incident had not begun.
     */
    public Optional<IncidentView> asOf(String incidentId, Instant instant) {
        List<StoredEvent> happened = eventsOf(incidentId).stream()
                .filter(e -> !e.occurredAt().isAfter(instant))
                .sorted(Comparator.comparing(StoredEvent::occurredAt).thenComparingLong(StoredEvent::sequence))
                .toList();
        if (happened.isEmpty() || !(happened.getFirst().sequence() == 0)) {
            return Optional.empty();
        }
        IncidentView view = new IncidentView();
        happened.forEach(e -> IncidentFold.apply(view, e.payload(), e.sequence(), e.recordedAt()));
        return Optional.of(view);
    }
}
