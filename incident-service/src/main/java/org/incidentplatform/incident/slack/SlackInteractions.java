package org.incidentplatform.incident.slack;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Makes each Slack interaction count once. Slack may deliver a payload again (a retry after a slow
 * answer), and a person may click twice: the first delivery inserts a record keyed by the
 * interaction (a unique key, so two deliveries at once cannot both pass); later ones find it and
 * answer with what the first did.
 */
@Component
class SlackInteractions {

    private final MongoTemplate mongo;

    SlackInteractions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param id the interaction: a click's or command's trigger id, a modal's view id */
    @Document("slack_interactions")
    record Claim(@Id String id, String incidentId, Instant at, String outcome) {
    }

    Optional<Claim> claim(String interactionId, String incidentId) {
        Claim claim = new Claim(interactionId, incidentId, Instant.now(), null);
        try {
            mongo.insert(claim);
            return Optional.of(claim);
        } catch (DuplicateKeyException seenBefore) {
            return Optional.empty();
        }
    }

    void record(Claim claim, String outcome) {
        mongo.save(new Claim(claim.id(), claim.incidentId(), claim.at(), outcome));
    }

    /** Gives the interaction back when the change could not be stored, so that Slack's retry can try again. */
    void release(Claim claim) {
        mongo.remove(claim);
    }

    Optional<String> outcome(String interactionId) {
        return Optional.ofNullable(mongo.findById(interactionId, Claim.class)).map(Claim::outcome);
    }
}
