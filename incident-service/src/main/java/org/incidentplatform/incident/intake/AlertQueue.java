package org.incidentplatform.incident.intake;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.incidentplatform.incident.batching.GroupedWrites;
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
    /** Oldest first; the request id keeps the parts of one group together in parts queued before "order" existed. */
    private static final String[] ORDER = {"queuedAt", "order", "request", "part"};
    private static final String ALERT_COUNT = "alertCount";
    private static final TypeReference<List<AlertSignal>> ALERTS = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final int partSize;
    private final GroupedWrites<Document> inserts = new GroupedWrites<>(parts -> collection().insertMany(parts));
    /** Queue order within this instance: a sender's next request never sorts before its last one. */
    private final AtomicLong order = new AtomicLong();
    private long lastQueuedAt;
    private static final long RECENTLY_NANOS = 1_000_000_000L;
    private static final long EMPTY_TRUSTED_NANOS = 200_000_000L;
    private final Map<String, Long> lastQueuedHere = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long emptySeenAt = System.nanoTime() - EMPTY_TRUSTED_NANOS;

    AlertQueue(MongoTemplate mongo, JsonMapper json, @Value("${incidents.intake.queue-part-size:1000}") int partSize) {
        this.mongo = mongo;
        this.json = json;
        this.partSize = partSize;
    }

    /** One part of a queued group. */
    record Part(Object id, String integrationId, int done, int attempts, List<AlertSignal> alerts, MetaData origin) {
    }

    /**
     * Stores the alerts in parts, in one command shared with concurrent callers; returns how many
     * parts. Sorted by when they were queued, then by this instance's order (two requests in one
     * millisecond keep theirs).
     */
    int enqueue(Integration integration, List<AlertSignal> alerts, MetaData origin) {
        Date queuedAt;
        long position;
        synchronized (this) {
            lastQueuedAt = Math.max(lastQueuedAt, System.currentTimeMillis()); // never backwards here
            queuedAt = new Date(lastQueuedAt);
            position = order.incrementAndGet();
        }
        emptySeenAt = System.nanoTime() - EMPTY_TRUSTED_NANOS; // not empty any more
        if (lastQueuedHere.size() > 10_000) {
            lastQueuedHere.clear(); // bounded; an entry only ever saves a look-up
        }
        lastQueuedHere.put(integration.id(), System.nanoTime());
        String request = UUID.randomUUID().toString();
        Document originDocument = new Document();
        origin.forEach((key, value) -> originDocument.append(key, value == null ? null : value.toString()));
        List<Document> parts = new ArrayList<>();
        for (int from = 0; from < alerts.size(); from += partSize) {
            List<AlertSignal> part = alerts.subList(from, Math.min(alerts.size(), from + partSize));
            parts.add(new Document("integrationId", integration.id())
                    .append("queuedAt", queuedAt)
                    .append("request", request)
                    .append("order", position)
                    .append("part", parts.size())
                    .append(ALERT_COUNT, part.size())
                    .append("done", 0)
                    .append("attempts", 0)
                    .append("origin", originDocument)
                    .append("alerts", json.writeValueAsString(part)));
        }
        inserts.write(parts);
        return parts.size();
    }

    /**
     * Whether alerts of this integration wait in the queue: later ones must queue behind them.
     * Asks MongoDB only when it has to: an integration queued here within the last second is taken
     * as pending, and a queue seen empty within the last 200 ms (nothing queued here since) as
     * empty, so neither an idle intake nor a storm pays a look-up per request. The one case this
     * can miss: another instance queued alerts of the integration in those 200 ms and the sender's
     * next request came here.
     */
    boolean hasPendingFor(String integrationId) {
        long now = System.nanoTime();
        Long queuedHere = lastQueuedHere.get(integrationId);
        if (queuedHere != null && now - queuedHere < RECENTLY_NANOS) {
            return true; // Queued here a moment ago: queueing behind it is right even if it has gone since.
        }
        if (now - emptySeenAt < EMPTY_TRUSTED_NANOS) {
            return false; // Nothing anywhere a moment ago and nothing queued here since.
        }
        if (collection().find().limit(1).first() == null) {
            emptySeenAt = now;
            return false;
        }
        return collection().find(Filters.eq("integrationId", integrationId)).limit(1).first() != null;
    }

    /**
     * What to work on next, oldest first: the oldest part alone when it holds several alerts (a
     * group), otherwise the run of single-alert parts behind it, up to {@code maxParts}, stopping
     * before the next group. Empty when the queue is.
     */
    List<Part> next(int maxParts) {
        // Read the order first without the alerts: a group's part carries up to 1,000 of them.
        List<Object> run = new ArrayList<>();
        for (Document next : collection().find().sort(Sorts.ascending(ORDER)).limit(maxParts)
                .projection(Projections.include(ALERT_COUNT))) {
            boolean single = next.getInteger(ALERT_COUNT, 0) == 1; // parts queued before the count are groups
            if (!single && !run.isEmpty()) {
                break;
            }
            run.add(next.get("_id"));
            if (!single) {
                break;
            }
        }
        if (run.isEmpty()) {
            return List.of();
        }
        Map<Object, Part> byId = new LinkedHashMap<>();
        for (Document stored : collection().find(Filters.in("_id", run))) {
            byId.put(stored.get("_id"), partOf(stored));
        }
        // In queue order; a part removed in between (a second worker after a lease change) is skipped.
        return run.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private Part partOf(Document stored) {
        Map<String, Object> origin = new LinkedHashMap<>(stored.get("origin", Document.class));
        return new Part(stored.get("_id"), stored.getString("integrationId"), stored.getInteger("done", 0),
                stored.getInteger("attempts", 0), json.readValue(stored.getString("alerts"), ALERTS), MetaData.from(origin));
    }

    /** The queue was seen empty by a read that began at {@code readStartedNanos}: what was queued before it has gone. */
    void seenEmpty(long readStartedNanos) {
        lastQueuedHere.values().removeIf(queuedAt -> queuedAt - readStartedNanos < 0);
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

    void removeAll(List<Part> parts) {
        if (!parts.isEmpty()) {
            collection().deleteMany(Filters.in("_id", parts.stream().map(Part::id).toList()));
        }
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
        collection().createIndex(Indexes.ascending(ORDER));
        collection().createIndex(Indexes.ascending("integrationId"));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
