package org.incidentplatform.incident.eventstore;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Reads the stored events of many aggregates at once, each after its own sequence number, so that
 * the event relay pays one query for a batch of aggregates instead of one per aggregate.
 */
public interface EventBatchReader {

    /**
     * Each aggregate's stored events with a sequence number above {@code after.get(aggregate)}, in
     * sequence order and at most {@code maxPerAggregate} of them; an aggregate with none maps to an
     * empty list.
     */
    Map<String, List<DomainEventMessage<?>>> readAfter(Map<String, Long> after, int maxPerAggregate);

    /**
     * The aggregates of {@code sequences} whose event at that sequence number is stored. Events are
     * stored in order, so each of them holds every event up to it.
     */
    Set<String> stored(Map<String, Long> sequences);

    /** One read per aggregate through the storage engine: for engines without a batch query. */
    static EventBatchReader oneByOne(EventStorageEngine store) {
        return new EventBatchReader() {
            @Override
            public Map<String, List<DomainEventMessage<?>>> readAfter(Map<String, Long> after, int maxPerAggregate) {
                Map<String, List<DomainEventMessage<?>>> events = new LinkedHashMap<>();
                after.forEach((aggregate, sequence) -> events.put(aggregate, store.readEvents(aggregate, sequence + 1)
                        .asStream().limit(maxPerAggregate).<DomainEventMessage<?>>map(event -> event).toList()));
                return events;
            }

            @Override
            public Set<String> stored(Map<String, Long> sequences) {
                Set<String> stored = new HashSet<>();
                sequences.forEach((aggregate, sequence) -> {
                    if (store.lastSequenceNumberFor(aggregate).filter(last -> last >= sequence).isPresent()) {
                        stored.add(aggregate);
                    }
                });
                return stored;
            }
        };
    }
}
