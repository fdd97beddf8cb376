package org.incidentplatform.incident.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
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

    private final IncidentAlerts alerts;

    AlertActivity(MongoTemplate mongo, IncidentAlerts alerts) {
        this.mongo = mongo;
        this.alerts = alerts;
    }

    @Document("alert_activity")
    record Entry(@Id String alertKeyAndIncident, String incidentId, String alertKey, int fireCount, Instant lastSeenAt) {
    }

    /** One sighting of an alert: its fire count and when it was seen. */
    public record Sighting(String incidentId, String alertKey, int fireCount, Instant seenAt) {
    }

    /** Records many sightings in one unordered bulk write (a storm's group is one batch, not a round trip per alert). */
    public void recordAll(List<Sighting> sightings) {
        if (sightings.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Entry.class);
        for (Sighting s : sightings) {
            bulk.upsert(Query.query(Criteria.where("_id").is(s.incidentId() + "|" + s.alertKey())),
                    new Update().setOnInsert("incidentId", s.incidentId()).setOnInsert("alertKey", s.alertKey())
                            .max("fireCount", s.fireCount()).max("lastSeenAt", s.seenAt()));
        }
        bulk.execute();
    }

    /** Fills the listed alerts' fire counts and last-seen times, and the number of alerts, into the view. */
    public IncidentView enrich(IncidentView view) {
        if (view.alerts.isEmpty()) {
            return view;
        }
        view.alertCount = alerts.count(view.id);
        fillActivity(view.id, view.alerts);
        return view;
    }

    /** Fills fire counts and last-seen times into alerts of one incident (at most a page of them). */
    public void fillActivity(String incidentId, List<IncidentView.Alert> listed) {
        List<String> ids = listed.stream().map(a -> incidentId + "|" + a.alertKey()).toList();
        Map<String, Entry> entries = mongo.find(Query.query(Criteria.where("_id").in(ids)), Entry.class).stream()
                .collect(Collectors.toMap(Entry::alertKey, e -> e, (a, b) -> a));
        listed.replaceAll(alert -> {
            Entry entry = entries.get(alert.alertKey());
            return entry == null ? alert : alert.withActivity(entry.fireCount(), entry.lastSeenAt());
        });
    }
}
