package org.incidentplatform.incident.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;

/**
 * Batch reads from the event collection that {@code MongoEventStorageEngine} writes (one document
 * per event, Axon's default layout), deserialised with the same event serializer. Aggregates are
 * read together when their positions are close ({@link #SPREAD} sequence numbers), each query
 * bounded above, so a batch never reads far past what it returns: the usual batch under load is
 * many young aggregates, read with one query.
 */
final class MongoEventBatchReader implements EventBatchReader {

    /** How far apart two aggregates' positions may be and still share a query. */
    static final long SPREAD = 64;

    private static final EventEntryConfiguration LAYOUT = EventEntryConfiguration.getDefault();

    private final MongoTemplate template;
    private final Serializer serializer;

    MongoEventBatchReader(MongoTemplate template, Serializer serializer) {
        this.template = template;
        this.serializer = serializer;
    }

    @Override
    public Map<String, List<DomainEventMessage<?>>> readAfter(Map<String, Long> after, int maxPerAggregate) {
        Map<String, List<DomainEventMessage<?>>> events = new LinkedHashMap<>();
        after.keySet().forEach(aggregate -> events.put(aggregate, new ArrayList<>()));
        List<Map.Entry<String, Long>> byPosition = new ArrayList<>(after.entrySet());
        byPosition.sort(Map.Entry.comparingByValue());
        int start = 0;
        while (start < byPosition.size()) {
            long low = byPosition.get(start).getValue();
            int end = start;
            while (end < byPosition.size() && byPosition.get(end).getValue() - low <= SPREAD) {
                end++;
            }
            read(byPosition.subList(start, end), maxPerAggregate, events);
            start = end;
        }
        return events;
    }

    /**
     * One query: every (aggregate, sequence number) pair asked for is among those of the aggregates
     * and sequence numbers asked for, the rest are told apart here; only the two fields are read.
     */
    @Override
    public Set<String> stored(Map<String, Long> sequences) {
        Set<String> stored = new HashSet<>();
        for (Document document : template.eventCollection().find(Filters.and(
                        Filters.in(LAYOUT.aggregateIdentifierProperty(), sequences.keySet()),
                        Filters.in(LAYOUT.sequenceNumberProperty(), new HashSet<>(sequences.values()))))
                .projection(Projections.include(LAYOUT.aggregateIdentifierProperty(), LAYOUT.sequenceNumberProperty()))) {
            String aggregate = document.getString(LAYOUT.aggregateIdentifierProperty());
            Number sequence = document.get(LAYOUT.sequenceNumberProperty(), Number.class);
            if (sequence != null && sequence.longValue() == sequences.getOrDefault(aggregate, -1L)) {
                stored.add(aggregate);
            }
        }
        return stored;
    }

    private void read(List<Map.Entry<String, Long>> group, int maxPerAggregate,
            Map<String, List<DomainEventMessage<?>>> events) {
        long low = group.getFirst().getValue();
        long high = group.getLast().getValue() + maxPerAggregate;
        Map<String, Long> positions = new HashMap<>();
        group.forEach(entry -> positions.put(entry.getKey(), entry.getValue()));
        List<DomainEventData<?>> entries = new ArrayList<>();
        for (Document document : template.eventCollection().find(Filters.and(
                Filters.in(LAYOUT.aggregateIdentifierProperty(), positions.keySet()),
                Filters.gt(LAYOUT.sequenceNumberProperty(), low),
                Filters.lte(LAYOUT.sequenceNumberProperty(), high)))) {
            EventEntry entry = new EventEntry(document, LAYOUT);
            if (entry.getSequenceNumber() > positions.getOrDefault(entry.getAggregateIdentifier(), Long.MAX_VALUE)) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.<DomainEventData<?>, String>comparing(DomainEventData::getAggregateIdentifier)
                .thenComparingLong(DomainEventData::getSequenceNumber));
        EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), serializer,
                NoOpEventUpcaster.INSTANCE)).forEach(event -> {
                    List<DomainEventMessage<?>> list = events.get(event.getAggregateIdentifier());
                    if (list.size() < maxPerAggregate) {
                        list.add(event);
                    }
                });
    }
}
