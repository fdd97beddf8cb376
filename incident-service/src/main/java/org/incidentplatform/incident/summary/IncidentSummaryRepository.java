package org.incidentplatform.incident.summary;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes incident summaries by id; the id is the only access path it needs. */
@Repository
public class IncidentSummaryRepository {

    private final MongoTemplate mongo;

    IncidentSummaryRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<IncidentSummary> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentSummary.class));
    }

    void save(IncidentSummary summary) {
        mongo.save(summary);
    }
}
