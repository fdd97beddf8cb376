package org.incidentplatform.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.incidentplatform.notification.channel.Notification;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code deliveries} collection: claims, outcomes and the list operators read. */
@Component
class DeliveryLog {

    static final int MAX_LISTED = 200;
    private static final int MAX_ERROR_LENGTH = 500;

    private final MongoOperations mongo;
    private final DeliveryIndexes indexes;
    private final Clock clock;

    DeliveryLog(MongoOperations mongo, DeliveryIndexes indexes, Clock clock) {
        this.mongo = mongo;
        this.indexes = indexes;
        this.clock = clock;
    }

    /**
     * Claims the right to send, atomically: true when the caller must send now. The first claim
     * inserts a PENDING record; a later one succeeds only if the last attempt FAILED.
     */
    boolean claim(String channel, Notification notification) {
        indexes.ensure();
        try {
            mongo.insert(Delivery.firstAttempt(channel, notification, clock.instant()));
            return true;
        } catch (DuplicateKeyException handledBefore) {
            String deliveryId = Delivery.idOf(channel, notification);
            Delivery retried = mongo.findAndModify(
                    query(where("_id").is(deliveryId).and("status").is(DeliveryStatus.FAILED)),
                    new Update().set("status", DeliveryStatus.PENDING).inc("attempts", 1),
                    FindAndModifyOptions.options().returnNew(true),
                    Delivery.class);
            return retried != null;
        }
    }

    void delivered(String deliveryId) {
        mongo.updateFirst(query(where("_id").is(deliveryId)),
                new Update().set("status", DeliveryStatus.DELIVERED)
                        .set("deliveredAt", clock.instant())
                        .unset("lastError"),
                Delivery.class);
    }

    void failed(String deliveryId, RuntimeException failure) {
        String reason = String.valueOf(failure);
        mongo.updateFirst(query(where("_id").is(deliveryId)),
                new Update().set("status", DeliveryStatus.FAILED)
                        .set("lastError", reason.substring(0, Math.min(reason.length(), MAX_ERROR_LENGTH))),
                Delivery.class);
    }

    Optional<Delivery> find(String deliveryId) {
        return Optional.ofNullable(mongo.findById(deliveryId, Delivery.class));
    }

    /** The newest {@value #MAX_LISTED} deliveries, optionally of one incident, oldest first. */
    List<Delivery> newest(String incidentIdOrNull) {
        Query query = incidentIdOrNull == null ? new Query() : query(where("incidentId").is(incidentIdOrNull));
        List<Delivery> newestFirst = mongo.find(
                query.with(Sort.by(Direction.DESC, "createdAt", "_id")).limit(MAX_LISTED), Delivery.class);
        return newestFirst.reversed();
    }
}
