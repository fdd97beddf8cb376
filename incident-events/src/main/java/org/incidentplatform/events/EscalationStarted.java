package org.incidentplatform.events;

import java.time.Instant;

/**
 * An escalation policy began paging people for the incident, step by step, until someone
 * acknowledges.
 *
 * @param incidentId the incident
 * @param policyId   the escalation policy
 * @param policyName its name when it started
 * @param steps      how many steps one round has
 * @param rounds     how many times the steps are gone through at most (1 = no repeat)
 * @param occurredAt when it started
 */
public record EscalationStarted(
        String incidentId,
        String policyId,
        String policyName,
        int steps,
        int rounds,
        Instant occurredAt) implements IncidentEvent {
}
