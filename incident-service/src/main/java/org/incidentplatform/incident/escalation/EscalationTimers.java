package org.incidentplatform.incident.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.incidentplatform.events.EscalationStepReached;
import org.incidentplatform.events.EscalationStopped;
import org.incidentplatform.incident.relay.RelaySink;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The durable timers of running escalations ({@link EscalationTimer}). A sink of the event relay,
 * so a step's timer is written whenever its event is stored, even if the instance that stored it
 * died right after; a timer only ever moves forward (by the event's sequence number).
 */
@Component
@Order(36)
class EscalationTimers implements RelaySink {

    private final MongoTemplate mongo;

    EscalationTimers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean handles(String aggregateType) {
        return "Incident".equals(aggregateType);
    }

    @Override
    public String name() {
        return "escalation-timers";
    }

    @Override
    public void relay(List<? extends DomainEventMessage<?>> events) {
        for (DomainEventMessage<?> event : events) {
            long sequence = event.getSequenceNumber();
            switch (event.getPayload()) {
                case EscalationStepReached e -> set(e, sequence);
                case EscalationStopped e -> mongo.remove(Query.query(Criteria.where("_id").is(e.incidentId())
                        .and("sequence").lt(sequence)), EscalationTimer.class);
                default -> { }
            }
        }
    }

    private void set(EscalationStepReached e, long sequence) {
        Query olderOrNone = Query.query(Criteria.where("_id").is(e.incidentId()).and("sequence").lt(sequence));
        Update timer = new Update().set("policyId", e.policyId()).set("step", e.step()).set("round", e.round())
                .set("dueAt", e.deadline()).set("sequence", sequence).set("claimedUntil", Instant.EPOCH)
                .set("claimedBy", null);
        try {
            mongo.upsert(olderOrNone, timer, EscalationTimer.class);
        } catch (DuplicateKeyException newerExists) {
            // A later step (or a redelivery of this one) is there already: a timer never goes back.
        }
    }

    /** Claims the earliest due, unclaimed timer for {@code claim}; empty when none is due. */
    Optional<EscalationTimer> claimDue(Instant now, java.time.Duration claim, String owner) {
        Query due = Query.query(Criteria.where("dueAt").lte(now).and("claimedUntil").lte(now))
                .with(Sort.by("dueAt")).limit(1);
        Update claimIt = new Update().set("claimedUntil", now.plus(claim)).set("claimedBy", owner);
        return Optional.ofNullable(mongo.findAndModify(due, claimIt, FindAndModifyOptions.options().returnNew(true),
                EscalationTimer.class));
    }

    /** Gives a claimed timer back to be tried again at {@code retryAt} (after a failure). */
    void release(EscalationTimer timer, Instant retryAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(timer.id()).and("sequence").is(timer.sequence())),
                new Update().set("claimedUntil", retryAt).set("claimedBy", null), EscalationTimer.class);
    }

    /** Removes a timer that fired without effect (its escalation had moved on), if nothing replaced it since. */
    void removeSpent(EscalationTimer timer) {
        mongo.remove(Query.query(Criteria.where("_id").is(timer.id()).and("sequence").is(timer.sequence())),
                EscalationTimer.class);
    }
}
