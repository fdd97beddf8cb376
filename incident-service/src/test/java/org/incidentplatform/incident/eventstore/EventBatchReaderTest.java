package org.incidentplatform.incident.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The relay's batch read returns, for each aggregate, exactly what a read of that aggregate alone
 * would: its events after its own position, in order, at most the maximum, whatever else the
 * batch holds (aggregates close together share a query, distant ones do not).
 */
@IncidentServiceTest
class EventBatchReaderTest {

    /** No relay sink handles this type, so the events stored here go nowhere else. */
    private static final String TYPE = "BatchReaderTestAggregate";

    @Autowired
    EventStorageEngine store;

    @Autowired
    EventBatchReader reader;

    @Test
    void eachAggregateGetsItsEventsAfterItsOwnPositionInOrder() {
        String young = store(5);
        String other = store(3);
        String old = store(200);
        String unknown = "never-stored-" + UUID.randomUUID();

        Map<String, Long> after = new LinkedHashMap<>();
        after.put(young, 1L);
        after.put(other, -1L);
        after.put(old, 150L);
        after.put(unknown, -1L);
        Map<String, List<DomainEventMessage<?>>> read = reader.readAfter(after, 10);

        assertThat(sequences(read.get(young))).containsExactly(2L, 3L, 4L);
        assertThat(sequences(read.get(other))).containsExactly(0L, 1L, 2L);
        assertThat(sequences(read.get(old))).containsExactlyElementsOf(LongStream.rangeClosed(151, 160).boxed().toList());
        assertThat(read.get(unknown)).isEmpty();
        assertThat(read.get(old).getFirst().getPayload()).isEqualTo(old + " #151");
        assertThat(read.get(young)).allMatch(event -> event.getAggregateIdentifier().equals(young)
                && event.getType().equals(TYPE));
        for (String aggregate : List.of(young, other, old)) {
            assertThat(read.get(aggregate)).as("the same as the engine's own read of " + aggregate)
                    .map(DomainEventMessage::getIdentifier)
                    .containsExactlyElementsOf(store.readEvents(aggregate, after.get(aggregate) + 1).asStream()
                            .limit(10).map(DomainEventMessage::getIdentifier).toList());
        }
    }

    private String store(int events) {
        String aggregate = TYPE + "-" + UUID.randomUUID();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            messages.add(new GenericDomainEventMessage<>(TYPE, aggregate, i, aggregate + " #" + i));
        }
        store.appendEvents(messages);
        return aggregate;
    }

    private static List<Long> sequences(List<DomainEventMessage<?>> events) {
        return events.stream().map(DomainEventMessage::getSequenceNumber).toList();
    }
}
