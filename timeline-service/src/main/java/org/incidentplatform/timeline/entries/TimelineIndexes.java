package org.incidentplatform.timeline.entries;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes that serve timeline and feed reads, on the first write instead of at
 * startup so that the service starts while MongoDB is still unreachable. A failure propagates
 * to the listener, whose error handler retries the record, and with it this call.
 */
@Component
class TimelineIndexes {

    private final MongoOperations mongo;
    private volatile boolean ensured;

    TimelineIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void ensure() {
        if (ensured) {
            return;
        }
        mongo.indexOps(TimelineEntry.class).createIndex(new Index()
                .on("incidentId", Direction.ASC)
                .on("occurredAt", Direction.ASC)
                .on("incidentSequence", Direction.ASC)
                .on("recordedAt", Direction.ASC)
                .named("incident_timeline_v2"));
        mongo.indexOps(TimelineEntry.class).createIndex(new Index()
                .on("recordedAt", Direction.DESC)
                .on("_id", Direction.DESC)
                .named("activity_feed"));
        ensured = true;
    }
}
