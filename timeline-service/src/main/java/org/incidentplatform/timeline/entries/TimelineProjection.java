package org.incidentplatform.timeline.entries;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.incidentplatform.consuming.ReceivedEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** Writes and reads the {@code timeline_entries} collection. */
@Component
class TimelineProjection {

    private final MongoOperations mongo;
    private final TimelineIndexes indexes;

    TimelineProjection(MongoOperations mongo, TimelineIndexes indexes) {
        this.mongo = mongo;
        this.indexes = indexes;
    }

    /**
     * Records the entry of an event whose type this service knows. {@code save} replaces by
     * {@code _id}, so a redelivered event writes the very same document again: idempotent
     * without a read first.
     */
    void on(ReceivedEvent event) {
        indexes.ensure();
        mongo.save(TimelineEntries.from(event));
    }

    /** The incident's entries in the order they happened; empty when the incident is unknown. */
    List<TimelineEntry> timelineOf(String incidentId) {
        return mongo.find(query(where("incidentId").is(incidentId))
                        .with(Sort.by("occurredAt", "incidentSequence")),
                TimelineEntry.class);
    }
}
