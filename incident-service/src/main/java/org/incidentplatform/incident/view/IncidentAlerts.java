package org.incidentplatform.incident.view;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.AlertResolved;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Every alert attached to an incident, one document each ({@code incident_alerts}), so that an
 * incident with ten thousand alerts keeps a small incident document and its alerts are read a
 * page at a time. Written in one unordered bulk write per batch of events; each document keeps the
 * sequence number of the last event applied to it, so a redelivered batch changes nothing.
 */
@Component
public class IncidentAlerts {

    static final String COLLECTION = "incident_alerts";
    /** MongoDB's answer to an upsert whose document exists with a newer sequence: already applied. */
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    IncidentAlerts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The index the pages and counts use; created at start and again on first write if MongoDB was away. */
    void ensureIndex() {
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("incidentId"), new IndexOptions().name("by_incident"));
    }

    /** A stored event of one incident, with its sequence number. */
    public record Applied(Object payload, long sequence) {
    }

    /** Applies the incident's alert events (others are ignored) in one bulk write. */
    public void apply(String incidentId, List<Applied> events) {
        applyAll(Map.of(incidentId, events));
    }

    /** {@link #apply} for many incidents with one bulk write. */
    public void applyAll(Map<String, List<Applied>> eventsByIncident) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        eventsByIncident.forEach((incidentId, events) -> writes.addAll(writesFor(incidentId, events)));
        if (writes.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // A duplicate key means the document holds a newer sequence (the guard did not match and
            // the upsert collided with it): that alert is applied already. Anything else is a failure.
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static List<UpdateOneModel<Document>> writesFor(String incidentId, List<Applied> events) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (Applied event : events) {
            switch (event.payload()) {
                case AlertAttached e -> changes.computeIfAbsent(e.alertKey(), k -> new Change()).attached(e, event.sequence());
                case AlertResolved e -> changes.computeIfAbsent(e.alertKey(), k -> new Change()).resolved(e, event.sequence());
                default -> { }
            }
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(changes.size());
        changes.forEach((alertKey, change) -> writes.add(new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", idOf(incidentId, alertKey)), Filters.lt("sequence", change.sequence)),
                Updates.combine(Updates.setOnInsert("incidentId", incidentId), Updates.setOnInsert("alertKey", alertKey),
                        Updates.combine(change.sets)),
                new UpdateOptions().upsert(true))));
        return writes;
    }

    /** One page of an incident's alerts, in alert key order, after {@code afterAlertKey} (null: from the start). */
    public List<IncidentView.Alert> page(String incidentId, String afterAlertKey, int limit) {
        Criteria criteria = Criteria.where("incidentId").is(incidentId);
        if (afterAlertKey != null) {
            criteria = criteria.and("_id").gt(idOf(incidentId, afterAlertKey));
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
        return new ArrayList<>(mongo.find(query, Document.class, COLLECTION).stream().map(IncidentAlerts::toAlert).toList());
    }

    public long count(String incidentId) {
        return mongo.count(Query.query(Criteria.where("incidentId").is(incidentId)), COLLECTION);
    }

    static String idOf(String incidentId, String alertKey) {
        return incidentId + "|" + alertKey;
    }

    @SuppressWarnings("unchecked")
    private static IncidentView.Alert toAlert(Document d) {
        List<AlertAttached.Link> links = d.getList("links", Document.class, List.of()).stream()
                .map(l -> new AlertAttached.Link(l.getString("href"), l.getString("text"))).toList();
        return new IncidentView.Alert(d.getString("alertKey"), d.getString("integrationName"), d.getString("source"),
                d.getString("dedupKey"), d.getString("summary"), d.getString("alertSeverity"),
                (Map<String, String>) (Map<?, ?>) d.get("labels", Document.class),
                (Map<String, String>) (Map<?, ?>) d.get("annotations", Document.class), links,
                instant(d, "startedAt"), instant(d, "attachedAt"), Boolean.TRUE.equals(d.getBoolean("firing")),
                instant(d, "endedAt"), d.getString("previousIncidentId"), null, null);
    }

    private static Instant instant(Document d, String field) {
        java.util.Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** What a batch does to one alert, its events merged in order. */
    private static final class Change {
        private final List<Bson> sets = new ArrayList<>();
        private long sequence;

        void attached(AlertAttached e, long seq) {
            sets.add(Updates.set("integrationName", e.integrationName()));
            sets.add(Updates.set("source", e.source()));
            sets.add(Updates.set("dedupKey", e.dedupKey()));
            sets.add(Updates.set("summary", e.summary()));
            sets.add(Updates.set("alertSeverity", e.alertSeverity()));
            sets.add(Updates.set("labels", e.labels() == null ? new Document() : new Document(Map.copyOf(e.labels()))));
            sets.add(Updates.set("annotations", e.annotations() == null ? new Document()
                    : new Document(Map.copyOf(e.annotations()))));
            sets.add(Updates.set("links", e.links() == null ? List.of() : e.links().stream()
                    .map(l -> new Document("href", l.href()).append("text", l.text())).toList()));
            sets.add(Updates.set("startedAt", date(e.startedAt())));
            sets.add(Updates.set("attachedAt", date(e.occurredAt())));
            sets.add(Updates.set("previousIncidentId", e.previousIncidentId()));
            sets.add(Updates.set("firing", true));
            sets.add(Updates.set("endedAt", null));
            sequence = seq;
        }

        void resolved(AlertResolved e, long seq) {
            sets.add(Updates.set("firing", false));
            sets.add(Updates.set("endedAt", date(e.endedAt() != null ? e.endedAt() : e.occurredAt())));
            sequence = seq;
        }

        private static java.util.Date date(Instant instant) {
            return instant == null ? null : java.util.Date.from(instant);
        }
    }
}
