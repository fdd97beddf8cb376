package org.incidentplatform.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.FindIterable;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.CollectionCallback;
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
    private static final List<String> OPEN_NAMES = OPEN.stream().map(DeliveryStatus::name).toList();
    private static final Date EPOCH = DeliveryDocuments.date(Instant.EPOCH);

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
            documents.add(DeliveryDocuments.write(delivery));
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
        return onDeliveries(deliveries -> read(deliveries.find(Filters.in("_id", ids))));
    }

    private static List<Delivery> read(FindIterable<Document> found) {
        List<Delivery> deliveries = new ArrayList<>();
        found.forEach(document -> deliveries.add(DeliveryDocuments.read(document)));
        return deliveries;
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
        return onDeliveries(deliveries -> {
            deliveries.updateMany(Filters.and(Filters.in("_id", ids), Filters.in("status", OPEN_NAMES),
                            Filters.lte("leaseUntil", DeliveryDocuments.date(now))),
                    Updates.combine(Updates.set("leaseUntil", DeliveryDocuments.date(until)), Updates.set(LEASE_OWNER, owner)));
            return read(deliveries.find(Filters.and(Filters.in("_id", ids), Filters.eq(LEASE_OWNER, owner))));
        });
    }

    /** Gives back leases a round took but will not use (a gap in a queue's head): not an attempt. */
    void releaseLeases(Collection<String> ids) {
        if (!ids.isEmpty()) {
            onDeliveries(deliveries -> deliveries.updateMany(Filters.in("_id", ids), Updates.set("leaseUntil", EPOCH)));
        }
    }

    void markSending(Collection<String> ids, Instant now) {
        onDeliveries(deliveries -> deliveries.updateMany(Filters.in("_id", ids),
                Updates.set("sendingSince", DeliveryDocuments.date(now))));
    }

    /** One change of one delivery's record, to be written with others in {@link #applyAll}. */
    record Change(String id, Bson update) {
    }

    /** Writes the outcomes of many sends in one unordered bulk write. */
    void applyAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(changes.size());
        changes.forEach(change -> writes.add(new UpdateOneModel<>(Filters.eq("_id", change.id()), change.update())));
        onDeliveries(deliveries -> deliveries.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
    }

    static Bson delivered(Attempt attempt) {
        return Updates.combine(Updates.set("status", DeliveryStatus.DELIVERED.name()),
                Updates.set("deliveredAt", DeliveryDocuments.date(attempt.at())), Updates.set("leaseUntil", EPOCH),
                Updates.unset("sendingSince"), Updates.unset("lastError"), pushed(attempt));
    }

    static Bson cancelled(Attempt attempt) {
        return Updates.combine(Updates.set("status", DeliveryStatus.CANCELLED.name()), Updates.set("leaseUntil", EPOCH),
                Updates.unset("sendingSince"), Updates.set("lastError", attempt.error()), pushed(attempt));
    }

    /** A delivery the send did not cover (the channel sent only the first ones): not an attempt. */
    static Bson unsent(Instant nextAttemptAt) {
        return Updates.combine(Updates.set("leaseUntil", EPOCH),
                Updates.set("nextAttemptAt", DeliveryDocuments.date(nextAttemptAt)), Updates.unset("sendingSince"));
    }

    private static Bson pushed(Attempt attempt) {
        return Updates.push("attempts", DeliveryDocuments.write(attempt));
    }

    /**
     * @param outcomeUnknown the receiver never answered (timeout, reset): the message may have
     *                       arrived, so {@code sendingSince} stays and the next attempt checks first
     */
    static Bson failed(Attempt attempt, Instant nextAttemptAt, boolean outcomeUnknown) {
        return ended(List.of(Updates.set("status", DeliveryStatus.FAILED.name()),
                Updates.set("nextAttemptAt", DeliveryDocuments.date(nextAttemptAt))), attempt, outcomeUnknown);
    }

    static Bson deadLettered(Attempt attempt, boolean outcomeUnknown) {
        return ended(List.of(Updates.set("status", DeliveryStatus.DEAD_LETTERED.name())), attempt, outcomeUnknown);
    }

    private static Bson ended(List<Bson> status, Attempt attempt, boolean outcomeUnknown) {
        List<Bson> update = new ArrayList<>(status);
        update.addAll(List.of(Updates.inc("failures", 1), Updates.set("leaseUntil", EPOCH),
                Updates.set("lastError", attempt.error()), pushed(attempt)));
        if (!outcomeUnknown) {
            update.add(Updates.unset("sendingSince"));
        }
        return Updates.combine(update);
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

    /**
     * Runs driver calls on the collection through the template, so that MongoDB being away still
     * surfaces as Spring's {@code DataAccessResourceFailureException}, as it did through the entity
     * mapping: the outcome writes retry on it ({@link OutcomeWrites}) and the consumers' error handling
     * treats it as MongoDB being away. The fault-injection suite sent a webhook twice without it.
     */
    private <T> T onDeliveries(CollectionCallback<T> calls) {
        return mongo.execute(DELIVERIES, calls);
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    List<Delivery> find(Query query) {
        return mongo.find(query, Delivery.class);
    }
}
