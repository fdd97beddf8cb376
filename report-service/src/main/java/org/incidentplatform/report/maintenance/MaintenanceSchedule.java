package org.incidentplatform.report.maintenance;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The maintenance windows the status page announces. */
@Repository
public class MaintenanceSchedule {

    private final MongoTemplate mongo;

    MaintenanceSchedule(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps a window's newest version; an older or repeated one (a redelivery, a republish) changes nothing. */
    void record(ScheduledMaintenance window) {
        Update latest = new Update().set("title", window.title()).set("description", window.description())
                .set("services", window.services()).set("startsAt", window.startsAt()).set("endsAt", window.endsAt())
                .set("cancelled", window.cancelled()).set("version", window.version()).set("updatedAt", window.updatedAt())
                .setOnInsert("firstSeenAt", window.firstSeenAt());
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(window.id()).and("version").lt(window.version())), latest,
                    ScheduledMaintenance.class);
        } catch (DuplicateKeyException newerKept) {
            // The window is stored at this version or a later one already.
        }
    }

    /** Windows not cancelled that have not ended, soonest first: what Statuspage lists as scheduled maintenances. */
    public List<ScheduledMaintenance> upcomingOrRunning(Instant now) {
        return mongo.find(Query.query(Criteria.where("cancelled").is(false).and("endsAt").gt(now))
                .with(Sort.by("startsAt")).limit(100), ScheduledMaintenance.class);
    }
}
