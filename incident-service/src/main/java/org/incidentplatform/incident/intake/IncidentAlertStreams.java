package org.incidentplatform.incident.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Which alert streams feed an incident, so that resolving it by hand can end them. */
@Component
class IncidentAlertStreams {

    private final MongoTemplate mongo;

    IncidentAlertStreams(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("incident_alert_streams")
    record Entry(@Id String incidentId, List<String> streamIds) {
    }

    /** For each incident, adds the streams that feed it, all with one bulk write. */
    void rememberAll(Map<String, Set<String>> streamsByIncident) {
        if (streamsByIncident.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Entry.class);
        streamsByIncident.forEach((incidentId, streamIds) -> bulk.upsert(
                Query.query(Criteria.where("_id").is(incidentId)),
                new Update().addToSet("streamIds").each(streamIds.toArray())));
        bulk.execute();
    }

    List<String> of(String incidentId) {
        Entry entry = mongo.findById(incidentId, Entry.class);
        return entry == null || entry.streamIds() == null ? List.of() : entry.streamIds();
    }
}
