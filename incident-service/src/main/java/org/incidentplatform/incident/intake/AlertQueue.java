package org.incidentplatform.incident.intake;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.incidentplatform.incident.integrations.Integration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert groups stored as received, to be sent to their streams after the sender has its answer.
 * A group of thousands is stored with one {@code insertMany} (documents of at most
 * {@code partSize} alerts, well under MongoDB's 16 MB document limit) instead of the thousands of
 * stream events it becomes, so a 5,000-alert group is answered in a fraction of a second.
 *
 * <p>Parts are worked off in the order they were queued ({@link AlertQueueWorker}); each part
 * records how many of its alerts were sent, so a restart resumes where it stopped. Alerts are kept
 * as JSON text: labels may contain dots, which MongoDB field names may not.
 */
@Component
class AlertQueue {

    static final String COLLECTION = "intake_queue";
    private static final TypeReference<List<AlertSignal>> ALERTS = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final int partSize;

    AlertQueue(MongoTemplate mongo, JsonMapper json, @Value("${incidents.intake.queue-part-size:1000}") int partSize) {
        this.mongo = mongo;
        this.json = json;
        this.partSize = partSize;
    }

    /** One part of a queued group. */
    record Part(Object id, String integrationId, int done, int attempts, List<AlertSignal> alerts, MetaData origin) {
    }

    /** Stores the alerts in parts, in one command; returns how many parts. */
    int enqueue(Integration integration, List<AlertSignal> alerts, MetaData origin) {
        Date queuedAt = new Date();
        String request = UUID.randomUUID().toString();
        Document originDocument = new Document();
        origin.forEach((key, value) -> originDocument.append(key, value == null ? null : value.toString()));
        List<Document> parts = new ArrayList<>();
        for (int from = 0; from < alerts.size(); from += partSize) {
            List<AlertSignal> part = alerts.subList(from, Math.min(alerts.size(), from + partSize));
            parts.add(new Document("integrationId", integration.id())
                    .append("queuedAt", queuedAt)
                    .append("request", request)
                    .append("part", parts.size())
                    .append("done", 0)
                    .append("attempts", 0)
                    .append("origin", originDocument)
                    .append("alerts", json.writeValueAsString(part)));
        }
        collection().insertMany(parts);
        return parts.size();
    }

    /** Whether alerts of this integration wait in the queue: later ones must queue behind them. */
    boolean hasPendingFor(String integrationId) {
        return collection().find(Filters.eq("integrationId", integrationId)).limit(1).first() != null;
    }

    /** The part queued first, or null when the queue is empty. */
    Part oldest() {
        Document next = collection().find().sort(Sorts.ascending("queuedAt", "request", "part")).limit(1).first();
        if (next == null) {
            return null;
        }
        Map<String, Object> origin = new LinkedHashMap<>(next.get("origin", Document.class));
        return new Part(next.get("_id"), next.getString("integrationId"), next.getInteger("done", 0),
                next.getInteger("attempts", 0), json.readValue(next.getString("alerts"), ALERTS), MetaData.from(origin));
    }

    void sent(Part part, int done) {
        collection().updateOne(Filters.eq("_id", part.id()), Updates.set("done", done));
    }

    void failedOnce(Part part) {
        collection().updateOne(Filters.eq("_id", part.id()), Updates.inc("attempts", 1));
    }

    void remove(Part part) {
        collection().deleteOne(Filters.eq("_id", part.id()));
    }

    /** Moves a part that keeps failing out of the way, with the error, so the parts behind it go on. */
    void deadLetter(Part part, String error) {
        Document failed = collection().find(Filters.eq("_id", part.id())).first();
        if (failed != null) {
            mongo.getCollection(COLLECTION + "_failed").insertOne(failed.append("error", error).append("failedAt", new Date()));
            remove(part);
        }
    }

    long depth() {
        return collection().countDocuments();
    }

    void createIndexes() {
        collection().createIndex(Indexes.ascending("queuedAt", "request", "part"));
        collection().createIndex(Indexes.ascending("integrationId"));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
