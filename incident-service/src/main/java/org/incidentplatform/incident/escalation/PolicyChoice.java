package org.incidentplatform.incident.escalation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.incidentplatform.events.Severity;

/**
 * Which policy escalates an incident: the most specific that covers it. A policy naming the
 * integration the incident was opened from beats one naming one of its services, which beats one
 * naming its severity, which beats a catch-all; equally specific ones are taken by name. A policy
 * that names several kinds must match all of them.
 */
final class PolicyChoice {

    private PolicyChoice() {
    }

    static Optional<EscalationPolicy> of(List<EscalationPolicy> policies, String integrationId,
            Collection<String> services, Severity severity) {
        EscalationPolicy best = null;
        int bestRank = -1;
        for (EscalationPolicy policy : policies) {
            int rank = rank(policy, integrationId, services, severity);
            if (rank > bestRank) {
                best = policy;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /** -1 when the policy does not cover the incident; higher is more specific. */
    private static int rank(EscalationPolicy policy, String integrationId, Collection<String> services, Severity severity) {
        if (!policy.integrationIds().isEmpty() && !policy.integrationIds().contains(integrationId)) {
            return -1;
        }
        if (!policy.services().isEmpty() && policy.services().stream().noneMatch(s -> services.stream().anyMatch(s::equalsIgnoreCase))) {
            return -1;
        }
        if (!policy.severities().isEmpty() && !policy.severities().contains(severity)) {
            return -1;
        }
        if (!policy.integrationIds().isEmpty()) {
            return 3;
        }
        if (!policy.services().isEmpty()) {
            return 2;
        }
        return policy.severities().isEmpty() ? 0 : 1;
    }
}
