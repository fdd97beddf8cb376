package org.incidentplatform.incident.intake;

import java.util.List;
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

    void remember(String incidentId, String streamId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(incidentId)), new Update().addToSet("streamIds", streamId),
                Entry.class);
    }

    List<String> of(String incidentId) {
        Entry entry = mongo.findById(incidentId, Entry.class);
        return entry == null || entry.streamIds() == null ? List.of() : entry.streamIds();
    }
}
