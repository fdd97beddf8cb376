package org.incidentplatform.incident.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Concurrent appends are written together, and each still succeeds or fails on its own: an
 * append refused by the unique index (another writer took its sequence numbers) fails as Axon's
 * engine fails it, while the appends queued with it are all stored, complete and in order.
 */
@IncidentServiceTest
class GroupCommitTest {

    /** No relay sink handles this type, so the events stored here go nowhere else. */
    private static final String TYPE = "GroupCommitTestAggregate";

    @Autowired
    LazyEventStorageEngine store;

    @Test
    void concurrentAppendsShareInsertsAndAConflictFailsOnlyItsOwnAppend() throws Exception {
        String contested = TYPE + "-" + UUID.randomUUID();
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            distinct.add(TYPE + "-" + UUID.randomUUID());
        }
        long appendsBefore = store.commits().appends.get();
        long insertsBefore = store.commits().inserts.get();
        ExecutorService threads = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> distinctAppends = new ArrayList<>();
        List<Future<?>> contestedAppends = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String aggregate = i % 5 == 0 ? contested : distinct.get(i - i / 5 - 1);
                (aggregate.equals(contested) ? contestedAppends : distinctAppends).add(threads.submit(() -> {
                    start.await();
                    store.appendEvents(events(aggregate, 3));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> append : distinctAppends) {
                append.get(30, TimeUnit.SECONDS);
            }
            int stored = 0;
            for (Future<?> append : contestedAppends) {
                try {
                    append.get(30, TimeUnit.SECONDS);
                    stored++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfAny(AggregateStreamCreationException.class,
                            ConcurrencyException.class);
                }
            }
            assertThat(stored).as("appends of the contested aggregate stored").isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }

        for (String aggregate : distinct) {
            assertThat(store.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .as(aggregate).containsExactly(0L, 1L, 2L);
        }
        assertThat(store.readEvents(contested).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L);
        long appends = store.commits().appends.get() - appendsBefore;
        long inserts = store.commits().inserts.get() - insertsBefore;
        assertThat(inserts).as("inserts for %d appends written", appends).isLessThan(appends);
    }

    private static List<DomainEventMessage<?>> events(String aggregate, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>(TYPE, aggregate, i, aggregate + " #" + i));
        }
        return events;
    }
}
