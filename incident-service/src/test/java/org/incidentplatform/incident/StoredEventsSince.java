package org.incidentplatform.incident;

import java.util.Set;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.incidentplatform.incident.web.RequestOrigin;

/**
 * Counts the events a test's own requests stored, reading only what was appended since the
 * test began: the shared context's store also holds every earlier test's events (a storm test
 * alone leaves tens of thousands), and scanning them all took minutes.
 */
public final class StoredEventsSince {

    private final EventStore eventStore;
    private final TrackingToken start;

    private StoredEventsSince(EventStore eventStore) {
        this.eventStore = eventStore;
        this.start = eventStore.createHeadToken();
    }

    /** Marks the store's head now; call before the test's requests. */
    public static StoredEventsSince now(EventStore eventStore) {
        return new StoredEventsSince(eventStore);
    }

    /** Events stored since the mark whose correlation id is one of these. */
    public long correlatedWith(Set<String> correlationIds) {
        long found = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while (stream.hasNextAvailable()) {
                if (correlationIds.contains(stream.nextAvailable().getMetaData().get(RequestOrigin.CORRELATION_ID))) {
                    found++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        }
        return found;
    }
}
