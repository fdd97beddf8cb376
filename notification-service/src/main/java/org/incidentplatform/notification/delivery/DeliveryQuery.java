package org.incidentplatform.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A filter over the delivery log; every value is compared as a plain value, never read as an
 * operator. Null fields do not filter.
 *
 * @param from   created at or after
 * @param to     created before
 * @param cursor continue before this point (a page handed out earlier)
 */
record DeliveryQuery(String incidentId, String channel, DeliveryStatus status, Instant from, Instant to,
        DeliveryCursor cursor, int limit) {

    /** Newest first, one more than asked so the caller knows whether another page follows. */
    Query toMongo() {
        List<Criteria> all = new ArrayList<>();
        if (incidentId != null) {
            all.add(where("incidentId").is(incidentId));
        }
        if (channel != null) {
            all.add(where("channel").is(channel));
        }
        if (status != null) {
            all.add(where("status").is(status));
        }
        if (from != null) {
            all.add(where("createdAt").gte(from));
        }
        if (to != null) {
            all.add(where("createdAt").lt(to));
        }
        if (cursor != null) {
            all.add(new Criteria().orOperator(where("createdAt").lt(cursor.createdAt()),
                    where("createdAt").is(cursor.createdAt()).and("_id").lt(cursor.id())));
        }
        Query query = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
        return query.with(Sort.by(Direction.DESC, "createdAt", "_id")).limit(limit + 1);
    }
}
