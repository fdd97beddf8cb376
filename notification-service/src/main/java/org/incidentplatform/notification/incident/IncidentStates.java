package org.incidentplatform.notification.incident;

import org.incidentplatform.consuming.ReceivedEvent;
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
        if (current.lastSequence() >= event.incidentSequence() || event.payload().isEmpty()) {
            return current;
        }
        IncidentState next = IncidentStateFold.apply(current, event.payload().get(), event.incidentSequence());
        mongo.save(next);
        return next;
    }

    public IncidentState find(String incidentId) {
        IncidentState state = mongo.findById(incidentId, IncidentState.class);
        return state == null ? IncidentState.unknown(incidentId) : state;
    }
}
