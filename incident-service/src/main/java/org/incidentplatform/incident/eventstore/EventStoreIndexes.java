package org.incidentplatform.incident.eventstore;

import java.time.Duration;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Creates the event store's and token store's indexes once MongoDB answers. The unique index on
 * (aggregate id, sequence number) is what turns two concurrent writes to one incident into one
 * success and one conflict, so it is retried until it exists.
 */
class EventStoreIndexes {

    private static final Logger log = LoggerFactory.getLogger(EventStoreIndexes.class);

    private final MongoEventStorageEngine eventStore;
    private final MongoTokenStore tokenStore;
    private volatile boolean ready;

    EventStoreIndexes(MongoEventStorageEngine eventStore, MongoTokenStore tokenStore) {
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createInBackground() {
        Thread.ofVirtual().name("event-store-indexes").start(this::createUntilDone);
    }

    boolean ready() {
        return ready;
    }

    private void createUntilDone() {
        Duration wait = Duration.ofMillis(500);
        while (!ready) {
            try {
                eventStore.ensureIndexes();
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
