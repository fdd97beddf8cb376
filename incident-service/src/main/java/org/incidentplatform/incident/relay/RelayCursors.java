package org.incidentplatform.incident.relay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One cursor per aggregate in the collection {@code relay_cursors}: {@code announced} (the highest
 * sequence number a writer said it is about to store), {@code relayed} (the highest sequence number
 * every sink has), {@code pending} (there may be events to relay) and {@code pendingSince}. The
 * package documentation says why the two conditional updates here make the relay complete.
 */
@Component
public class RelayCursors {

    static final String COLLECTION = "relay_cursors";

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    RelayCursors(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One aggregate's cursor as read by the relay. */
    public record Cursor(String aggregateId, String type, long announced, long relayed, Instant pendingSince) {
    }

    /**
     * Announces events before they are stored: raises each aggregate's {@code announced} to the
     * events' last sequence number and marks it pending, all aggregates with one bulk write. Throws
     * (and the append must not happen) when MongoDB does not take every announcement.
     */
    public void announce(List<? extends EventMessage<?>> events) {
        Map<String, DomainEventMessage<?>> lastPerAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                lastPerAggregate.merge(domain.getAggregateIdentifier(), domain,
                        (a, b) -> a.getSequenceNumber() >= b.getSequenceNumber() ? a : b);
            }
        }
        if (lastPerAggregate.isEmpty()) {
            return;
        }
        ensureIndexes();
        Date now = new Date();
        List<UpdateOneModel<Document>> announcements = new ArrayList<>(lastPerAggregate.size());
        for (DomainEventMessage<?> last : lastPerAggregate.values()) {
            announcements.add(new UpdateOneModel<>(Filters.eq("_id", last.getAggregateIdentifier()), Updates.combine(
                            Updates.max("announced", last.getSequenceNumber()),
                            Updates.set("pending", true),
                            Updates.set("type", last.getType()),
                            Updates.min("pendingSince", now),
                            Updates.setOnInsert("relayed", -1L)),
                    new UpdateOptions().upsert(true)));
        }
        // One command for every aggregate of a group commit; unordered, but it throws if any fails.
        collection().bulkWrite(announcements, new BulkWriteOptions().ordered(false));
    }

    /** Up to {@code limit} pending cursors, the longest pending first. */
    List<Cursor> pending(int limit) {
        ensureIndexes();
        List<Cursor> cursors = new ArrayList<>();
        for (Document document : collection().find(Filters.eq("pending", true))
                .sort(Sorts.ascending("pendingSince")).limit(limit)) {
            cursors.add(cursorOf(document));
        }
        return cursors;
    }

    /**
     * Records that every sink has the aggregate's events up to {@code relayedUpTo}. The cursor
     * stops being pending only if that covers what was announced and nothing was announced since
     * the cursor was read; otherwise it stays pending and the relay comes back.
     *
     * @return whether the cursor is no longer pending
     */
    boolean markRelayed(Cursor cursor, long relayedUpTo) {
        if (relayedUpTo >= cursor.announced()) {
            Bson unchanged = Filters.and(Filters.eq("_id", cursor.aggregateId()),
                    Filters.eq("announced", cursor.announced()));
            long cleared = collection().updateOne(unchanged, Updates.combine(
                    Updates.max("relayed", relayedUpTo),
                    Updates.set("pending", false),
                    Updates.unset("pendingSince"))).getModifiedCount();
            if (cleared > 0) {
                return true;
            }
        }
        if (relayedUpTo > cursor.relayed()) {
            collection().updateOne(Filters.eq("_id", cursor.aggregateId()), Updates.max("relayed", relayedUpTo));
        }
        return false;
    }

    /**
     * {@link #markRelayed} for many cursors with one bulk write, for cursors whose events were
     * relayed (whether each cursor stopped being pending does not change what the relay does next:
     * a cursor still pending is simply read again).
     */
    void markRelayedAll(Map<Cursor, Long> relayedUpTo) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        relayedUpTo.forEach((cursor, upTo) -> {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", cursor.aggregateId()), Updates.max("relayed", upTo)));
            if (upTo >= cursor.announced()) {
                writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", cursor.aggregateId()),
                        Filters.eq("announced", cursor.announced())), Updates.combine(
                                Updates.set("pending", false), Updates.unset("pendingSince"))));
            }
        });
        if (!writes.isEmpty()) {
            collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** The cursor of one aggregate, if it was ever announced. */
    public Optional<Cursor> find(String aggregateId) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", aggregateId)).first())
                .map(RelayCursors::cursorOf);
    }

    private static Cursor cursorOf(Document document) {
        Date since = document.getDate("pendingSince");
        return new Cursor(document.getString("_id"), document.getString("type"), document.getLong("announced"),
                document.getLong("relayed"), since == null ? null : since.toInstant());
    }

    private void ensureIndexes() {
        if (!indexed) {
            collection().createIndex(Indexes.ascending("pending", "pendingSince"));
            indexed = true;
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
