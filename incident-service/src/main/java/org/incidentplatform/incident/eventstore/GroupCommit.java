package org.incidentplatform.incident.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.incidentplatform.incident.batching.GroupLeader;

/**
 * Group commit of event appends ({@link GroupLeader}): appends that arrive while another is being written are written
 * together, with one announcement to the relay and one ordered {@code insertMany}, instead of two
 * round trips each. Nobody waits for a batch to fill: an append finding nobody writing writes at
 * once (its own, and whatever queued before it), so an idle append costs what it did; appends
 * arriving during a write are written together by one of them as soon as it ends.
 *
 * <p>Each append's events keep the semantics of {@code MongoEventStorageEngine}: stored in order,
 * documents in Axon's layout, the unique index deciding conflicts. An ordered insert stops at the
 * first refused document; the appends before it are stored, the one it belongs to fails as Axon's
 * engine fails it (a duplicate key is a {@link ConcurrencyException}, or an
 * {@link AggregateStreamCreationException} at sequence 0, so its sender retries as before), and
 * the appends after it are written again without it.
 */
final class GroupCommit {

    private static final EventEntryConfiguration LAYOUT = EventEntryConfiguration.getDefault();
    private static final int DUPLICATE_KEY = 11000;
    /** Most appends written together: bounds one insert's size and every waiter's wait. */
    private static final int MAX_APPENDS = 256;

    private final Supplier<MongoCollection<Document>> collection;
    private final AppendObserver observer;
    private final GroupLeader<Append> leader = new GroupLeader<>(MAX_APPENDS, this::write);
    final AtomicLong appends = new AtomicLong();
    final AtomicLong inserts = new AtomicLong();

    GroupCommit(Supplier<MongoCollection<Document>> collection, AppendObserver observer) {
        this.collection = collection;
        this.observer = observer;
    }

    private record Append(List<? extends EventMessage<?>> events, List<Document> documents,
            CompletableFuture<Void> done) implements GroupLeader.Entry {
    }

    /** Stores the events (serialised here, on the caller's thread) with whatever appends are waiting. */
    void append(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> documents = events.stream().map(EventUtils::asDomainEventMessage)
                .map(event -> new EventEntry(event, serializer).asDocument(LAYOUT)).toList();
        leader.submit(new Append(events, documents, new CompletableFuture<>()));
    }

    private void write(List<Append> batch) {
        try {
            observer.beforeAppend(batch.stream().<EventMessage<?>>flatMap(append -> append.events().stream()).toList());
        } catch (RuntimeException announceFailed) {
            batch.forEach(append -> append.done().completeExceptionally(announceFailed));
            return;
        }
        List<Append> remaining = batch;
        while (!remaining.isEmpty()) {
            remaining = insert(remaining);
        }
    }

    /** Inserts the appends in order; returns those after a refused one, still to be written. */
    private List<Append> insert(List<Append> appends) {
        List<Document> documents = new ArrayList<>();
        appends.forEach(append -> documents.addAll(append.documents()));
        inserts.incrementAndGet();
        this.appends.addAndGet(appends.size());
        try {
            collection.get().insertMany(documents);
            appends.forEach(append -> append.done().complete(null));
            return List.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().isEmpty()) {
                fail(appends, e);
                return List.of();
            }
            int refused = e.getWriteErrors().getFirst().getIndex();
            boolean duplicate = e.getWriteErrors().getFirst().getCode() == DUPLICATE_KEY;
            int start = 0;
            for (int i = 0; i < appends.size(); i++) {
                Append append = appends.get(i);
                int end = start + append.documents().size();
                if (refused < end) {
                    append.done().completeExceptionally(duplicate ? conflict(append, e) : failure(append, e));
                    return appends.subList(i + 1, appends.size());
                }
                append.done().complete(null);
                start = end;
            }
            return List.of();
        } catch (RuntimeException e) {
            fail(appends, e);
            return List.of();
        }
    }

    private static void fail(List<Append> appends, RuntimeException e) {
        appends.forEach(append -> append.done().completeExceptionally(failure(append, e)));
    }

    /** As Axon's engine reports a duplicate key, for the append's first event. */
    private static RuntimeException conflict(Append append, Exception cause) {
        DomainEventMessage<?> first = EventUtils.asDomainEventMessage(append.events().getFirst());
        if (first.getSequenceNumber() == 0) {
            return new AggregateStreamCreationException(String.format("Cannot reuse aggregate identifier [%s] to create"
                    + " aggregate [%s] since identifiers need to be unique.", first.getAggregateIdentifier(),
                    first.getType()), cause);
        }
        return new ConcurrencyException(String.format("An event for aggregate [%s] at sequence [%d] was already"
                + " inserted", first.getAggregateIdentifier(), first.getSequenceNumber()), cause);
    }

    private static RuntimeException failure(Append append, Exception cause) {
        return new EventStoreException(String.format("An event with identifier [%s] could not be persisted",
                append.events().getFirst().getIdentifier()), cause);
    }
}
