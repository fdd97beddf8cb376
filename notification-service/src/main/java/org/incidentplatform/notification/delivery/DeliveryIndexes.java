package org.incidentplatform.notification.delivery;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes behind the worker's due-queue look-up and the delivery list on the first write
 * instead of at startup, so that the service starts while MongoDB is still unreachable. A
 * failure propagates to the listener, whose error handler retries the record, and this call.
 */
@Component
class DeliveryIndexes {

    private final MongoOperations mongo;
    private volatile boolean ensured;

    DeliveryIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void ensure() {
        if (ensured) {
            return;
        }
        var indexes = mongo.indexOps(Delivery.class);
        mongo.indexOps(DeliveryQueue.class).createIndex(new Index().on("dueAt", Direction.ASC).named("due_queues"));
        indexes.createIndex(new Index().on("incidentId", Direction.ASC).on("createdAt", Direction.DESC)
                .named("incident_deliveries"));
        indexes.createIndex(new Index().on("createdAt", Direction.DESC).on("_id", Direction.DESC)
                .named("all_deliveries"));
        ensured = true;
    }
}
