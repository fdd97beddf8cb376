package org.incidentplatform.incident.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Maintenance windows; a change is written only if the window is still at the version the caller read. */
@Repository
class MaintenanceWindows {

    private final MongoTemplate mongo;

    MaintenanceWindows(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(MaintenanceWindow window) {
        mongo.insert(window);
    }

    boolean replace(MaintenanceWindow before, MaintenanceWindow after) {
        return mongo.replace(Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version())), after)
                .getMatchedCount() == 1;
    }

    Optional<MaintenanceWindow> find(String id) {
        return Optional.ofNullable(mongo.findById(id, MaintenanceWindow.class));
    }

    /** Windows that have not ended, soonest first, and those that ended in the last day. */
    List<MaintenanceWindow> current(Instant now) {
        return mongo.find(Query.query(Criteria.where("endsAt").gt(now.minus(java.time.Duration.ofDays(1))))
                .with(Sort.by("startsAt")).limit(1000), MaintenanceWindow.class);
    }


    /** Changes not yet on the topic, oldest first. */
    List<MaintenanceWindow> unpublished(int limit) {
        return mongo.find(new Query(Criteria.where("unpublished").is(true)).limit(limit), MaintenanceWindow.class);
    }

    void markPublished(MaintenanceWindow window) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(window.id()).and("version").is(window.version())),
                new Update().set("unpublished", false),
                MaintenanceWindow.class);
    }
}
