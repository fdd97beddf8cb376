package org.incidentplatform.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code deliveries} collection: what the worker sends and the log operators read.
 * Every state change of a delivery is an atomic single-document write (several go in one bulk
 * write), so no transaction is needed.
 */
@Component
public class DeliveryLog {

    static final int SWEEP_PAGE = 500;
    private static final String DELIVERIES = "deliveries";
    /** Which round holds a delivery's lease; only read right after that round took it. */
    private static final String LEASE_OWNER = "leaseOwner";
    private static final List<DeliveryStatus> OPEN = List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);

    private final MongoOperations mongo;
    private final DeliveryIndexes indexes;
    private final DeliveryQueues queues;

    DeliveryLog(MongoOperations mongo, DeliveryIndexes indexes, DeliveryQueues queues) {
        this.mongo = mongo;
        this.indexes = indexes;
        this.queues = queues;
    }

    /**
     * Records a delivery to make and puts it in its queue; false when it existed already (the
     * event was seen before). The record is written first and the queue told second: a
     * delivery the worker finds in a queue always exists. A crash in between leaves the delivery
     * out of its queue until the event comes again from Kafka (its offset was not committed, and
     * a duplicate still joins its queue) or the sweep finds it.
     */
    boolean enqueue(Delivery delivery) {
        indexes.ensure();
        boolean recorded;
        try {
            mongo.insert(delivery);
            recorded = true;
        } catch (DuplicateKeyException seenBefore) {
            recorded = false;
        }
        queues.add(delivery.key(), delivery.id(), delivery.nextAttemptAt());
        return recorded;
    }

    /**
     * {@link #enqueue} for a batch: one unordered insert of all, a delivery that exists already
     * (its event was seen before) skipped by the unique id; then every delivery joins its queue.
     *
     * @return how many were newly recorded
     */
    int enqueueAll(List<Delivery> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        indexes.ensure();
        List<Document> documents = new ArrayList<>(batch.size());
        for (Delivery delivery : batch) {
            Document document = new Document();
            mongo.getConverter().write(delivery, document);
            documents.add(document);
        }
        int recorded = batch.size();
        try {
            mongo.getCollection(DELIVERIES).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException partly) {
            for (BulkWriteError error : partly.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw partly;
                }
            }
            recorded -= partly.getWriteErrors().size();
        }
        queues.addAll(batch.stream().map(DeliveryQueues.Entry::of).toList());
        return recorded;
    }

    /**
     * Puts every open delivery (back) into its queue. The safety net for a crash between writing
     * a record and queueing it (fallbacks, replays); one scan of the log, so it runs rarely. It
     * reads only what a queue entry needs (no message, CloudEvent or attempts), in pages of
     * {@link #SWEEP_PAGE} by id, so a backlog of large deliveries costs neither memory nor bandwidth.
     */
    int sweep() {
        int swept = 0;
        String after = "";
        while (true) {
            Query page = query(where("status").in(OPEN).and("_id").gt(after))
                    .with(Sort.by("_id")).limit(SWEEP_PAGE);
            page.fields().include("incidentId", "channel", "target", "nextAttemptAt");
            List<OpenDelivery> open = mongo.find(page, OpenDelivery.class, DELIVERIES);
            queues.addAll(open.stream().map(d -> new DeliveryQueues.Entry(new DeliveryKey(d.incidentId(), d.channel(),
                    d.target()), d.id(), d.nextAttemptAt())).toList());
            swept += open.size();
            if (open.size() < SWEEP_PAGE) {
                return swept;
            }
            after = open.getLast().id();
        }
    }

    /** The part of a delivery that the sweep reads. */
    record OpenDelivery(@Id String id, String incidentId, String channel, String target, Instant nextAttemptAt) {
    }

    /** The deliveries with these ids that exist, by id only. */
    List<Delivery> findAll(Collection<String> ids) {
        return mongo.find(query(where("_id").in(ids)), Delivery.class);
    }

    /**
     * Leases every one of {@code candidates} that is open and held by nobody, in two commands
     * whatever their number: one update stamps them with a fresh owner token, one read returns
     * those that carry it. Two workers racing for a delivery cannot both get it, because the
     * update only matches an expired lease.
     *
     * @return the deliveries this call leased, as they are now
     */
    List<Delivery> leaseAll(Collection<Delivery> candidates, Instant now, Instant until) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<String> ids = candidates.stream().map(Delivery::id).toList();
        String owner = UUID.randomUUID().toString();
        mongo.updateMulti(query(where("_id").in(ids).and("status").in(OPEN).and("leaseUntil").lte(now)),
                new Update().set("leaseUntil", until).set(LEASE_OWNER, owner), Delivery.class);
        return mongo.find(query(where("_id").in(ids).and(LEASE_OWNER).is(owner)), Delivery.class);
    }

    /** Gives back leases a round took but will not use (a gap in a queue's head): not an attempt. */
    void releaseLeases(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mongo.updateMulti(query(where("_id").in(ids)), new Update().set("leaseUntil", Instant.EPOCH), Delivery.class);
        }
    }

    void markSending(Collection<String> ids, Instant now) {
        mongo.updateMulti(query(where("_id").in(ids)), new Update().set("sendingSince", now), Delivery.class);
    }

    /** One change of one delivery's record, to be written with others in {@link #applyAll}. */
    record Change(String id, Update update) {
    }

    /** Writes the outcomes of many sends in one unordered bulk write. */
    void applyAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
        changes.forEach(change -> bulk.updateOne(query(where("_id").is(change.id())), change.update()));
        bulk.execute();
    }

    static Update delivered(Attempt attempt) {
        return new Update().set("status", DeliveryStatus.DELIVERED).set("deliveredAt", attempt.at())
                .set("leaseUntil", Instant.EPOCH).unset("sendingSince").unset("lastError").push("attempts", attempt);
    }

    static Update cancelled(Attempt attempt) {
        return new Update().set("status", DeliveryStatus.CANCELLED).set("leaseUntil", Instant.EPOCH)
                .unset("sendingSince").set("lastError", attempt.error()).push("attempts", attempt);
    }

    /** A delivery the send did not cover (the channel sent only the first ones): not an attempt. */
    static Update unsent(Instant nextAttemptAt) {
        return new Update().set("leaseUntil", Instant.EPOCH).set("nextAttemptAt", nextAttemptAt).unset("sendingSince");
    }

    /**
     * @param outcomeUnknown the receiver never answered (timeout, reset): the message may have
     *                       arrived, so {@code sendingSince} stays and the next attempt checks first
     */
    static Update failed(Attempt attempt, Instant nextAttemptAt, boolean outcomeUnknown) {
        return ended(new Update().set("status", DeliveryStatus.FAILED).set("nextAttemptAt", nextAttemptAt), attempt,
                outcomeUnknown);
    }

    static Update deadLettered(Attempt attempt, boolean outcomeUnknown) {
        return ended(new Update().set("status", DeliveryStatus.DEAD_LETTERED), attempt, outcomeUnknown);
    }

    private static Update ended(Update update, Attempt attempt, boolean outcomeUnknown) {
        update.inc("failures", 1).set("leaseUntil", Instant.EPOCH).set("lastError", attempt.error())
                .push("attempts", attempt);
        return outcomeUnknown ? update : update.unset("sendingSince");
    }

    /** Makes a dead-lettered delivery due again; empty when it is not dead-lettered (any more). */
    Optional<Delivery> replay(String id, Instant now) {
        Optional<Delivery> replayed = Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(id).and("status").is(DeliveryStatus.DEAD_LETTERED)),
                new Update().set("status", DeliveryStatus.PENDING).set("failures", 0).set("nextAttemptAt", now)
                        .set("leaseUntil", Instant.EPOCH).inc("replays", 1),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
        replayed.ifPresent(d -> queues.add(d.key(), d.id(), now));
        return replayed;
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    List<Delivery> find(Query query) {
        return mongo.find(query, Delivery.class);
    }
}
