package org.incidentplatform.incident.escalation;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.events.Severity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Steps that page people until someone acknowledges, gone through up to {@code rounds} times.
 * Which incidents it covers: those opened from one of {@code integrationIds}, else those affecting
 * one of {@code services}, else those of one of {@code severities}; a policy naming none of them
 * covers every incident no other policy covers (see {@link PolicyChoice}).
 *
 * @param version raised by every change; the ETag
 */
@Document("escalation_policies")
record EscalationPolicy(@Id String id, String name, String description, List<PolicyStep> steps, int rounds,
        List<String> integrationIds, List<String> services, List<Severity> severities, long version,
        Instant createdAt, Instant updatedAt) {

    boolean catchAll() {
        return integrationIds.isEmpty() && services.isEmpty() && severities.isEmpty();
    }
}
