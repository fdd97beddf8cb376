package org.incidentplatform.incident.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How often each attached alert has fired and when it was last seen. Kept apart from the
 * incident view because repeats arrive through the alert streams, possibly before the incident
 * itself has been opened from them; {@code $max} updates make the order and redelivery harmless.
 */
@Component
public class AlertActivity {

    private final MongoTemplate mongo;

    AlertActivity(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("alert_activity")
    record Entry(@Id String alertKeyAndIncident, String incidentId, String alertKey, int fireCount, Instant lastSeenAt) {
    }

    public void record(String incidentId, String alertKey, int fireCount, Instant seenAt) {
        mongo.findAndModify(Query.query(Criteria.where("_id").is(incidentId + "|" + alertKey)),
                new Update().setOnInsert("incidentId", incidentId).setOnInsert("alertKey", alertKey)
                        .max("fireCount", fireCount).max("lastSeenAt", seenAt),
                FindAndModifyOptions.options().upsert(true), Entry.class);
    }

    /** Fills each alert's fire count and last-seen time into the view. */
    public IncidentView enrich(IncidentView view) {
        if (view.alerts.isEmpty()) {
            return view;
        }
        List<String> ids = view.alerts.stream().map(a -> view.id + "|" + a.alertKey()).toList();
        Map<String, Entry> entries = mongo.find(Query.query(Criteria.where("_id").in(ids)), Entry.class).stream()
                .collect(Collectors.toMap(Entry::alertKey, e -> e, (a, b) -> a));
        view.alerts.replaceAll(alert -> {
            Entry entry = entries.get(alert.alertKey());
            return entry == null ? alert : alert.withActivity(entry.fireCount(), entry.lastSeenAt());
        });
        return view;
    }
}
