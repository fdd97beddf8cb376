package org.incidentplatform.report.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The events kept for the post-mortem timeline and durations, one document each in
 * {@code report_events}, so no report document grows with its incident's history: a few dozen
 * large post-mortem edits once pushed a report past MongoDB's 16 MB limit. Writes are keyed by
 * incident and sequence, so a redelivered event replaces itself.
 */
@Component
class ReportEvents {

    static final String COLLECTION = "report_events";

    private final MongoOperations mongo;

    ReportEvents(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("incidentId", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).named("incident_sequence"));
    }

    /** Stored event: the logged event and whose it is. */
    @Document(COLLECTION)
    record Stored(String id, String incidentId, long sequence, LoggedEvent event) {
    }

    static Stored stored(String incidentId, LoggedEvent event) {
        String id = incidentId + "/" + event.sequence();
        return new Stored(id, incidentId, event.sequence(), event);
    }

    void record(String incidentId, LoggedEvent event) {
        Stored stored = stored(incidentId, event);
        mongo.findAndReplace(query(where("_id").is(stored.id())), stored, FindAndReplaceOptions.options().upsert(),
                COLLECTION);
    }

    /** {@link #record} for many events in one unordered bulk write. */
    void recordAll(List<Stored> batch) {
        if (batch.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Stored.class, COLLECTION);
        batch.forEach(stored -> bulk.replaceOne(query(where("_id").is(stored.id())), stored,
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    List<LoggedEvent> of(String incidentId) {
        return mongo.find(query(where("incidentId").is(incidentId)).with(Sort.by("sequence")), Stored.class, COLLECTION)
                .stream().map(Stored::event).toList();
    }

    /** The events of many incidents in one query, each incident's in sequence order. */
    Map<String, List<LoggedEvent>> of(Collection<String> incidentIds) {
        Map<String, List<LoggedEvent>> byIncident = new LinkedHashMap<>();
        incidentIds.forEach(id -> byIncident.put(id, new ArrayList<>()));
        mongo.find(query(where("incidentId").in(incidentIds)).with(Sort.by("incidentId", "sequence")), Stored.class,
                COLLECTION).forEach(stored -> byIncident.get(stored.incidentId()).add(stored.event()));
        return byIncident;
    }
}
