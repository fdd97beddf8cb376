package org.incidentplatform.incident.escalation;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The next step due for one incident's escalation: written from the stored
 * {@code EscalationStepReached} event (so it exists whenever a step does), removed by its
 * {@code EscalationStopped}. Due timers are claimed for {@link EscalationTimerPoller#CLAIM} with
 * an atomic update, so one instance fires each; if that instance dies, the claim runs out and
 * another fires it, late but never not at all.
 *
 * @param id           the incident id: one running escalation per incident
 * @param sequence     the stored event's position in the incident's history: a timer never goes back
 * @param claimedUntil EPOCH when unclaimed
 */
@Document("escalation_timers")
record EscalationTimer(@Id String id, String policyId, int step, int round, Instant dueAt, long sequence,
        Instant claimedUntil, String claimedBy) {
}
