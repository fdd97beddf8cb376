package org.incidentplatform.incident.eventstore;

import java.time.Duration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Builds the event store (which creates its indexes) and the token store's indexes once MongoDB
 * answers, in the background so that start-up never waits. The unique index on (aggregate id,
 * sequence number) is what turns two concurrent writes to one incident into one success and one
 * conflict, so it is retried until it exists; readiness waits for it.
 */
class EventStoreIndexes {

    private static final Logger log = LoggerFactory.getLogger(EventStoreIndexes.class);

    private final LazyEventStorageEngine eventStore;
    private final MongoTokenStore tokenStore;
    private volatile boolean ready;
    private volatile Thread worker;

    EventStoreIndexes(LazyEventStorageEngine eventStore, MongoTokenStore tokenStore) {
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createInBackground() {
        worker = Thread.ofVirtual().name("event-store-indexes").start(this::createUntilDone);
    }

    /** A closed context's MongoDB client is gone; retrying against it would only log errors. */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    boolean ready() {
        return ready;
    }

    private void createUntilDone() {
        Duration wait = Duration.ofMillis(500);
        while (!ready && !Thread.currentThread().isInterrupted()) {
            try {
                eventStore.engine();
                tokenStore.ensureIndexes();
                ready = true;
                log.info("Event store and token store indexes are in place");
            } catch (RuntimeException e) {
                log.warn("Could not create event store indexes yet ({}); retrying in {}", e.getMessage(), wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : wait.multipliedBy(2);
            }
        }
    }
}
