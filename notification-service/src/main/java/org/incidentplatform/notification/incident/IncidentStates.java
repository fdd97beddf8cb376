package org.incidentplatform.notification.incident;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.incidentplatform.consuming.ReceivedEvent;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code incident_states} collection. Each incident's events arrive in order on one
 * partition and one listener thread, so a read-fold-save without a transaction is safe; the
 * sequence check makes a redelivered event a no-op.
 */
@Component
public class IncidentStates {

    private final MongoOperations mongo;

    IncidentStates(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Folds the event in (once) and returns the incident's state after it. */
    public IncidentState apply(ReceivedEvent event) {
        IncidentState current = find(event.incidentId());
        IncidentState next = fold(current, event);
        if (next != current) {
            mongo.save(next);
        }
        return next;
    }

    /** The state after the event; {@code current} itself when the event was folded in before. */
    public static IncidentState fold(IncidentState current, ReceivedEvent event) {
        if (current.lastSequence() >= event.incidentSequence() || event.payload().isEmpty()) {
            return current;
        }
        return IncidentStateFold.apply(current, event.payload().get(), event.incidentSequence());
    }

    /** The states of these incidents in one query; an incident never seen has its empty state. */
    public Map<String, IncidentState> findAll(Collection<String> incidentIds) {
        Map<String, IncidentState> states = new HashMap<>();
        incidentIds.forEach(id -> states.put(id, IncidentState.unknown(id)));
        mongo.find(query(where("_id").in(incidentIds)), IncidentState.class).forEach(s -> states.put(s.id(), s));
        return states;
    }

    /** Stores these states in one bulk write (a batch of events folded in memory). */
    public void saveAll(Collection<IncidentState> states) {
        if (states.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, IncidentState.class);
        states.forEach(s -> bulk.replaceOne(query(where("_id").is(s.id())), s, FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    public IncidentState find(String incidentId) {
        IncidentState state = mongo.findById(incidentId, IncidentState.class);
        return state == null ? IncidentState.unknown(incidentId) : state;
    }
}
