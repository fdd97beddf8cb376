package org.incidentplatform.incident.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.incident.batching.CommitBatch;
import org.incidentplatform.incident.relay.RelaySink;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings an incident's view up to date with its stored events. Two paths use it: the incident's
 * own unit of work (so that a client reads its own write) and the event relay, which repairs the
 * view when that first write was lost, for example to a MongoDB outage after the events were
 * stored. A view that lacks earlier events (a gap) is completed from the event store, never
 * folded over the gap; concurrent writers are settled by {@link IncidentViewRepository#saveIfVersion}.
 */
@Component
@Order(10)
public class IncidentViewCatchUp implements RelaySink {

    private static final int ATTEMPTS = 5;

    private final IncidentViewRepository views;
    private final EventStorageEngine store;

    IncidentViewCatchUp(IncidentViewRepository views, EventStorageEngine store) {
        this.views = views;
        this.store = store;
    }

    @Override
    public boolean handles(String aggregateType) {
        return "Incident".equals(aggregateType);
    }

    @Override
    public String name() {
        return "incident-view";
    }

    /**
     * Reads every incident's view version with one query: normally the incident's own unit of work
     * has written the view already, and nothing more is needed. Only views that lag are caught up.
     */
    @Override
    public void relayAll(List<List<? extends DomainEventMessage<?>>> incidents) {
        if (incidents.size() == 1) {
            relay(incidents.getFirst());
            return;
        }
        Map<String, Long> versions = views.versions(incidents.stream().map(e -> e.getFirst().getAggregateIdentifier()).toList());
        for (List<? extends DomainEventMessage<?>> events : incidents) {
            Long version = versions.get(events.getFirst().getAggregateIdentifier());
            if (version == null || version < events.getLast().getSequenceNumber()) {
                relay(events);
            }
        }
    }

    /** {@code events} are one incident's, contiguous and in sequence order. */
    @Override
    public void relay(List<? extends DomainEventMessage<?>> events) {
        String incidentId = events.getFirst().getAggregateIdentifier();
        long last = events.getLast().getSequenceNumber();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // An incident's first events: no view exists unless this is a redelivery, which the
            // insert's duplicate key reveals (then the next attempt reads). Saves a read per incident opened.
            Optional<IncidentView> stored = attempt == 0 && events.getFirst().getSequenceNumber() == 0
                    ? Optional.empty() : views.find(incidentId);
            long version = stored.map(IncidentView::getVersion).orElse(-1L);
            if (last <= version) {
                return; // Already applied: redeliveries change nothing.
            }
            List<? extends DomainEventMessage<?>> missing = events.getFirst().getSequenceNumber() <= version + 1
                    ? events
                    : store.readEvents(incidentId, version + 1).asStream().toList();
            IncidentView view = folded(stored.orElseGet(IncidentView::new), missing);
            if (views.saveIfVersion(view, version)) {
                return;
            }
        }
        throw new IllegalStateException("The view of incident " + incidentId + " changed under every one of "
                + ATTEMPTS + " attempts to update it");
    }

    /**
     * The incidents' own units of work, grouped ({@link IncidentViewProjection}): the views of
     * incidents opened by these events are inserted with one command, the rest are brought up to
     * date one by one as {@link #relay} does. A view that exists already (a redelivery, or the
     * relay was first) is left to {@link #relay}, which reads it and applies what is missing.
     *
     * @param events stored events of any number of incidents, each incident's in sequence order
     */
    void writeCommitted(List<DomainEventMessage<?>> events) {
        List<List<DomainEventMessage<?>>> runs = CommitBatch.byAggregate(events);
        List<List<DomainEventMessage<?>>> opened = new ArrayList<>();
        for (List<DomainEventMessage<?>> run : runs) {
            if (run.getFirst().getSequenceNumber() == 0) {
                opened.add(run);
            } else {
                relay(run);
            }
        }
        if (opened.size() == 1) {
            relay(opened.getFirst());
        } else if (!opened.isEmpty()) {
            List<IncidentView> created = opened.stream().map(run -> folded(new IncidentView(), run)).toList();
            views.insertNew(created).forEach(index -> relay(opened.get(index)));
        }
    }

    private static IncidentView folded(IncidentView view, List<? extends DomainEventMessage<?>> events) {
        for (DomainEventMessage<?> event : events) {
            if (event.getSequenceNumber() > view.version && event.getPayload() instanceof IncidentEvent payload) {
                IncidentFold.apply(view, payload, event.getSequenceNumber(), event.getTimestamp());
            }
        }
        return view;
    }
}
