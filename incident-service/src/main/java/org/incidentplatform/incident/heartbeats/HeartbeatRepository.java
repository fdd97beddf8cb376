package org.incidentplatform.incident.heartbeats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Heartbeats. Every state change is one atomic conditional update, so with several instances
 * checking, exactly one sees a heartbeat go DOWN (and raises the alert) and exactly one sees it
 * come back UP (and resolves it).
 */
@Repository
class HeartbeatRepository {

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    HeartbeatRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(Heartbeat heartbeat) {
        ensureIndexes();
        mongo.insert(heartbeat);
    }

    boolean replace(Heartbeat before, Heartbeat after) {
        return mongo.replace(Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version())), after)
                .getMatchedCount() == 1;
    }

    boolean delete(Heartbeat heartbeat) {
        return mongo.remove(Query.query(Criteria.where("_id").is(heartbeat.id()).and("version").is(heartbeat.version())),
                Heartbeat.class).getDeletedCount() == 1;
    }

    Optional<Heartbeat> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Heartbeat.class));
    }

    Optional<Heartbeat> byKeyHash(String keyHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("keyHash").is(keyHash)), Heartbeat.class));
    }

    List<Heartbeat> all() {
        return mongo.find(new Query().with(Sort.by("name")).limit(1000), Heartbeat.class);
    }

    /** Records a ping: UP, and the deadline moves to now + period + grace. */
    boolean ping(Heartbeat heartbeat, Instant now) {
        Update update = new Update().set("lastPingAt", now).set("deadline", now.plus(heartbeat.period()).plus(heartbeat.grace()))
                .set("state", Heartbeat.UP).unset("downSince");
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(heartbeat.id())), update, Heartbeat.class)
                .getMatchedCount() == 1;
    }

    /** Marks one heartbeat past its deadline DOWN; empty when none is left. */
    Optional<Heartbeat> markOneOverdue(Instant now) {
        Query overdue = Query.query(Criteria.where("state").is(Heartbeat.UP).and("deadline").lt(now)).limit(1);
        return Optional.ofNullable(mongo.findAndModify(overdue, new Update().set("state", Heartbeat.DOWN).set("downSince", now),
                FindAndModifyOptions.options().returnNew(true), Heartbeat.class));
    }

    /**
     * Claims one heartbeat whose alert disagrees with its state (DOWN and not alerting, or UP and
     * still alerting) for {@code claim}. One claim per heartbeat at a time keeps its raise and its
     * resolve in order, on however many instances.
     */
    Optional<Heartbeat> claimOneToReconcile(Instant now, java.time.Duration claim) {
        Optional<Heartbeat> down = claim(Heartbeat.DOWN, false, now, claim);
        return down.isPresent() ? down : claim(Heartbeat.UP, true, now, claim);
    }

    private Optional<Heartbeat> claim(String state, boolean alerting, Instant now, java.time.Duration claim) {
        Query disagreeing = Query.query(Criteria.where("state").is(state).and("alerting").is(alerting)
                .and("busyUntil").lt(now)).limit(1);
        return Optional.ofNullable(mongo.findAndModify(disagreeing, new Update().set("busyUntil", now.plus(claim)),
                FindAndModifyOptions.options().returnNew(true), Heartbeat.class));
    }

    /** Records that the heartbeat's alert now fires (or not), and frees it. */
    void reconciled(Heartbeat heartbeat, boolean alerting) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(heartbeat.id())),
                new Update().set("alerting", alerting).set("busyUntil", Instant.EPOCH), Heartbeat.class);
    }

    /** Frees a claimed heartbeat for a retry after {@code retryAt}. */
    void retryAt(Heartbeat heartbeat, Instant retryAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(heartbeat.id())), new Update().set("busyUntil", retryAt),
                Heartbeat.class);
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(Heartbeat.class).createIndex(new Index("keyHash", Sort.Direction.ASC).unique());
            mongo.indexOps(Heartbeat.class).createIndex(new Index("name", Sort.Direction.ASC).unique());
            indexed = true;
        }
    }
}
