package org.incidentplatform.events;

import java.time.Instant;
import java.util.List;

/**
 * An escalation reached a step: the people it names are paged (one {@link PersonPaged} each,
 * right after this event), and the next step follows at {@code deadline} unless the incident is
 * acknowledged or resolved first.
 *
 * @param incidentId the incident
 * @param policyId   the escalation policy
 * @param step       the step, from 1
 * @param round      the round, from 1
 * @param targets    what the step names, in words ("on call for Database primary", "team database")
 * @param unreached  targets that gave nobody to page, with why ("nobody on call for Database primary")
 * @param deadline   when the next step starts if nobody acknowledges
 * @param occurredAt when the step was reached
 */
public record EscalationStepReached(
        String incidentId,
        String policyId,
        int step,
        int round,
        List<String> targets,
        List<String> unreached,
        Instant deadline,
        Instant occurredAt) implements IncidentEvent {

    public EscalationStepReached {
        targets = targets == null ? List.of() : List.copyOf(targets);
        unreached = unreached == null ? List.of() : List.copyOf(unreached);
    }
}
