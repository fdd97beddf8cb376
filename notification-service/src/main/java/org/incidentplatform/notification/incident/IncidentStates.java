package org.incidentplatform.notification.incident;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.incidentplatform.consuming.ReceivedEvent;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.stereotype.Component;

/**
 * The {@code incident_states} collection. Each incident's events arrive in order on one
 * partition and one listener thread, so a read-fold-save without a transaction is safe; the
 * sequence check makes a redelivered event a no-op.
 */
@Component
public class IncidentStates {

    private static final String COLLECTION = "incident_states";

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
        return onStates(collection -> {
            collection.find(Filters.in("_id", incidentIds)).forEach(stored -> {
                IncidentState state = IncidentStateDocuments.read(stored);
                states.put(state.id(), state);
            });
            return states;
        });
    }

    /** Stores these states in one bulk write (a batch of events folded in memory). */
    public void saveAll(Collection<IncidentState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(states.size());
        states.forEach(state -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", state.id()),
                IncidentStateDocuments.write(state), new ReplaceOptions().upsert(true))));
        onStates(collection -> collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
    }

    /**
     * Runs driver calls on the collection through the template, so that MongoDB being away still
     * surfaces as Spring's {@code DataAccessResourceFailureException}, which the consumers' error
     * handling treats as MongoDB being away, as it did through the entity mapping.
     */
    private <T> T onStates(CollectionCallback<T> calls) {
        return mongo.execute(COLLECTION, calls);
    }

    public IncidentState find(String incidentId) {
        IncidentState state = mongo.findById(incidentId, IncidentState.class);
        return state == null ? IncidentState.unknown(incidentId) : state;
    }
}
