package org.incidentplatform.incident.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;

/**
 * Builds the MongoDB storage engine on first use instead of at start-up.
 *
 * <p>{@code MongoEventStorageEngine}'s constructor creates the event store's indexes, so building
 * it while MongoDB is down blocks start-up for the driver's server-selection timeout and then
 * fails the application context. Here a failed build fails only the call that needed it (a
 * request gets an error, a streaming processor backs off and retries) and the next call tries
 * again. Because the indexes are created by that same build, no event is ever written before the
 * unique (aggregate, sequence) index exists. Concurrent callers share one attempt, so an outage
 * costs each of them one timeout, not one per caller queued behind a lock.
 *
 * <p>Every append is announced to the {@link AppendObserver} first (the event relay's guarantee
 * rests on it), and reported to it afterwards. Appends are written by {@link GroupCommit}: under
 * load, concurrent appends share one announcement and one insert.
 */
final class LazyEventStorageEngine implements EventStorageEngine {

    private final Supplier<MongoEventStorageEngine> factory;
    private final AppendObserver observer;
    private final GroupCommit commits;
    private final AtomicReference<CompletableFuture<MongoEventStorageEngine>> attempt = new AtomicReference<>();

    LazyEventStorageEngine(Supplier<MongoEventStorageEngine> factory, MongoTemplate template, AppendObserver observer) {
        this.factory = factory;
        this.observer = observer;
        this.commits = new GroupCommit(template::eventCollection, observer);
    }

    /** The real engine, built now if no earlier attempt succeeded. */
    MongoEventStorageEngine engine() {
        CompletableFuture<MongoEventStorageEngine> current = attempt.get();
        if (current == null || current.isCompletedExceptionally()) {
            CompletableFuture<MongoEventStorageEngine> mine = new CompletableFuture<>();
            if (attempt.compareAndSet(current, mine)) {
                try {
                    mine.complete(factory.get());
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                }
            }
            current = attempt.get();
        }
        try {
            return current.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Whether the engine has been built, that is MongoDB answered and the indexes exist. */
    boolean built() {
        CompletableFuture<MongoEventStorageEngine> current = attempt.get();
        return current != null && current.isDone() && !current.isCompletedExceptionally();
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        MongoEventStorageEngine engine = engine(); // The indexes (the unique one decides conflicts) exist.
        observer.storing(events);
        commits.append(events, engine.getEventSerializer());
        observer.afterAppend(events);
    }

    GroupCommit commits() {
        return commits;
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        // Loud, so that whoever adds a snapshot trigger also turns reading snapshots back on.
        throw new UnsupportedOperationException("Snapshots are not read (readSnapshot); no aggregate may take one");
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return engine().readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return engine().readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return engine().readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    /**
     * None, without asking MongoDB: no aggregate declares a snapshot trigger, so none is ever
     * stored, and the query Axon makes before every load of an aggregate (a new alert stream's
     * among them) was one MongoDB command per alert for nothing. A snapshot only shortens a load;
     * the events alone give the same state.
     */
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return engine().lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine().createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine().createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine().createTokenAt(dateTime);
    }
}
