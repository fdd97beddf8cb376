package org.incidentplatform.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.notification.paging.PagePlans;
import org.incidentplatform.notification.channel.RouteTarget;
import org.incidentplatform.notification.incident.IncidentState;
import org.incidentplatform.notification.incident.IncidentStates;
import org.incidentplatform.notification.routing.Router;
import org.incidentplatform.tracing.Traceparent;
import org.springframework.stereotype.Component;

/**
 * Turns one consumed event into the deliveries to make, and nothing more: sending is the
 * worker's job, so a slow or broken receiver never holds up the Kafka partition. Recording is
 * idempotent (the delivery id is the key), so a redelivered event adds nothing. Each delivery keeps
 * the trace context of the listener's span (a child of the record's {@code traceparent}), so the
 * send, whenever it happens, joins the trace of the request that caused the event.
 */
@Component
class DeliveryPlanner {

    private final IncidentStates incidents;
    private final Router router;
    private final DeliveryLog deliveries;
    private final Clock clock;
    private final WorkSignal work;
    private final PagePlans pages;

    DeliveryPlanner(IncidentStates incidents, Router router, DeliveryLog deliveries, Clock clock, WorkSignal work,
            PagePlans pages) {
        this.pages = pages;
        this.incidents = incidents;
        this.router = router;
        this.deliveries = deliveries;
        this.clock = clock;
        this.work = work;
    }

    /** @return how many deliveries were newly recorded */
    int plan(ReceivedEvent event, String cloudEvent) {
        IncidentState incident = incidents.apply(event);
        Instant now = clock.instant();
        List<Delivery> planned = new ArrayList<>();
        addDeliveries(planned, router.rules(), event, incident, cloudEvent, Traceparent.current(), now);
        addPages(planned, event, cloudEvent, Traceparent.current(), now);
        int recorded = 0;
        for (Delivery delivery : planned) {
            if (deliveries.enqueue(delivery)) {
                recorded++;
            }
        }
        work.signal();
        return recorded;
    }

    /**
     * {@link #plan} for a batch of events in partition order, with a fixed number of writes
     * whatever its size: one read of the incidents' states and of the routing rules, the events
     * folded in memory, one insert of all deliveries, one write of the states that changed. The
     * deliveries are written before the states, so a failure in between leaves states that a
     * redelivered batch folds again (deliveries are idempotent by id).
     *
     * @param events      the events, in the order of their records
     * @param cloudEvents each event's record value, at the same index
     * @param traces      each event's trace context (its record's {@code traceparent}), at the same index
     * @return how many deliveries were newly recorded
     */
    int planAll(List<ReceivedEvent> events, List<String> cloudEvents, List<String> traces) {
        Set<String> incidentIds = new LinkedHashSet<>();
        events.forEach(event -> incidentIds.add(event.incidentId()));
        Map<String, IncidentState> states = incidents.findAll(incidentIds);
        Map<String, IncidentState> changed = new LinkedHashMap<>();
        Router.Rules rules = router.rules();
        Instant now = clock.instant();
        List<Delivery> planned = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ReceivedEvent event = events.get(i);
            if (event.payload().isEmpty()) {
                continue; // An unknown type; the reader has already counted it.
            }
            IncidentState before = states.get(event.incidentId());
            IncidentState after = IncidentStates.fold(before, event);
            if (after != before) {
                states.put(event.incidentId(), after);
                changed.put(event.incidentId(), after);
            }
            addDeliveries(planned, rules, event, after, cloudEvents.get(i), traces.get(i), now);
            addPages(planned, event, cloudEvents.get(i), traces.get(i), now);
        }
        int recorded = deliveries.enqueueAll(planned);
        incidents.saveAll(changed.values());
        // After the states: a message sent at once shows the incident as these events left it.
        work.signal();
        return recorded;
    }

    /** A page goes to the person paged, by each of their contacts, whatever the routing rules say. */
    private void addPages(List<Delivery> planned, ReceivedEvent event, String cloudEvent, String traceparent, Instant now) {
        event.payloadAs(PersonPaged.class).ifPresent(page -> {
            String text = NotificationTexts.of(event);
            for (PagePlans.Planned p : pages.of(page, now)) {
                planned.add(new Delivery(Delivery.idOf(event.eventId(), p.channel(), p.address()), event.incidentId(),
                        event.eventId(), event.type(), event.incidentSequence(), event.correlationId(), traceparent,
                        p.channel(), p.address(), DeliveryStatus.PENDING, 0, now, p.dueAt(), Instant.EPOCH, null, null,
                        text, cloudEvent, null, null, 0, List.of()));
            }
        });
    }

    private static void addDeliveries(List<Delivery> planned, Router.Rules rules, ReceivedEvent event,
            IncidentState incident, String cloudEvent, String traceparent, Instant now) {
        Set<RouteTarget> targets = rules.route(event, incident);
        if (targets.isEmpty()) {
            return;
        }
        String text = NotificationTexts.of(event);
        for (RouteTarget target : targets) {
            planned.add(new Delivery(Delivery.idOf(event.eventId(), target.channel(), target.target()),
                    event.incidentId(), event.eventId(), event.type(), event.incidentSequence(), event.correlationId(),
                    traceparent, target.channel(), target.target(), DeliveryStatus.PENDING, 0, now, now, Instant.EPOCH, null, null,
                    text, cloudEvent, null, null, 0, List.of()));
        }
    }
}
