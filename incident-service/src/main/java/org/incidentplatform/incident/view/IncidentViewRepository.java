package org.incidentplatform.incident.view;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes incident views by id, the access path the in-process MongoDB server indexes. */
@Repository
public class IncidentViewRepository {

    private final MongoTemplate mongo;

    IncidentViewRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<IncidentView> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentView.class));
    }

    void save(IncidentView view) {
        mongo.save(view);
    }

    MongoTemplate mongo() {
        return mongo;
    }
}
