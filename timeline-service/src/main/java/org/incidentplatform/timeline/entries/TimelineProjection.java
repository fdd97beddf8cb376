package org.incidentplatform.timeline.entries;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.incidentplatform.events.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Writes and reads the {@code timeline_entries} collection. */
@Component
public class TimelineProjection {

    /**
     * The timeline order: when it happened, then the incident's own order, then when it was
     * recorded, then the id, so that equal data always reads back in the same order.
     */
    static final Sort TIMELINE_ORDER = Sort.by("occurredAt", "incidentSequence", "recordedAt", "_id");
    static final Sort FEED_ORDER = Sort.by(Direction.DESC, "recordedAt", "_id");

    private final MongoOperations mongo;
    private final TimelineIndexes indexes;
    private final ApplicationEventPublisher events;

    TimelineProjection(MongoOperations mongo, TimelineIndexes indexes, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.indexes = indexes;
        this.events = events;
    }

    /**
     * Stores an entry, replacing by {@code _id}: a redelivered event writes the very same
     * document again. Only the first write of a live (not replayed) entry is announced.
     */
    void record(TimelineEntry entry, boolean live) {
        indexes.ensure();
        TimelineEntry previous = mongo.findAndReplace(query(where("_id").is(entry.eventId())), entry,
                FindAndReplaceOptions.options().upsert());
        if (previous == null && live) {
            events.publishEvent(new EntryRecorded(entry));
        }
    }

    /**
     * {@link #record} for a batch, in two commands whatever its size: one query for which entries
     * exist already, one unordered bulk of replaces by {@code _id}. An entry seen twice in the
     * batch (a redelivery) is written once, as its last copy; the first write of each live entry is
     * announced, after the bulk write, in the batch's order.
     *
     * @param entries the entries of a poll's events, in record order
     * @param live    whether each entry (same index) is live rather than a rebuild's replay
     */
    void recordAll(List<TimelineEntry> entries, List<Boolean> live) {
        if (entries.isEmpty()) {
            return;
        }
        indexes.ensure();
        Map<String, TimelineEntry> latest = new LinkedHashMap<>();
        entries.forEach(entry -> latest.put(entry.eventId(), entry));
        Query existing = query(where("_id").in(latest.keySet()));
        existing.fields().include("_id");
        Set<String> seen = new HashSet<>();
        mongo.find(existing, org.bson.Document.class, mongo.getCollectionName(TimelineEntry.class))
                .forEach(document -> seen.add(document.getString("_id")));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, TimelineEntry.class);
        latest.values().forEach(entry -> bulk.replaceOne(query(where("_id").is(entry.eventId())), entry,
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry entry = entries.get(i);
            if (seen.add(entry.eventId()) && live.get(i)) {
                events.publishEvent(new EntryRecorded(latest.get(entry.eventId())));
            }
        }
    }

    /** The incident's entries in timeline order; empty when the incident is unknown. */
    public List<TimelineEntry> timelineOf(String incidentId, Optional<Visibility> visibility) {
        Criteria criteria = where("incidentId").is(incidentId);
        visibility.ifPresent(v -> criteria.and("visibility").is(v));
        return mongo.find(query(criteria).with(TIMELINE_ORDER), TimelineEntry.class);
    }

    public List<TimelineEntry> timelineOf(String incidentId) {
        return timelineOf(incidentId, Optional.empty());
    }

    public boolean knows(String incidentId) {
        return mongo.exists(query(where("incidentId").is(incidentId)), TimelineEntry.class);
    }

    /**
     * A page of the activity feed, newest recorded first, strictly after the given position
     * (keyset pagination: stable while new entries arrive at the top).
     */
    public List<TimelineEntry> feed(Optional<FeedPosition> after, Optional<Visibility> visibility, int limit) {
        Criteria criteria = new Criteria();
        after.ifPresent(p -> criteria.orOperator(where("recordedAt").lt(p.recordedAt()),
                where("recordedAt").is(p.recordedAt()).and("_id").lt(p.eventId())));
        visibility.ifPresent(v -> criteria.and("visibility").is(v));
        return mongo.find(new Query(criteria).with(FEED_ORDER).limit(limit), TimelineEntry.class);
    }

    /** Empties the projection (a rebuild refills it); answers how many entries were removed. */
    public long clear() {
        return mongo.remove(new Query(), TimelineEntry.class).getDeletedCount();
    }

    public long count() {
        return mongo.count(new Query(), TimelineEntry.class);
    }

    /** Where a feed page ended: the last entry's recording time and id. */
    public record FeedPosition(Instant recordedAt, String eventId) {
    }
}
