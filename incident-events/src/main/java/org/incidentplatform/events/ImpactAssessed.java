package org.incidentplatform.events;

import java.time.Instant;
import java.util.List;

/**
 * The user-facing impact as currently understood; each assessment replaces the previous one.
 *
 * @param incidentId the incident
 * @param components affected components and how badly, never null
 * @param customerImpact what customers experienced, may be null
 * @param customersAffected how many customers, may be null when unknown
 * @param dataLoss whether data was lost, may be null when not yet known
 * @param impactStartedAt when users were first affected, may be null
 * @param impactEndedAt when users stopped being affected, may be null
 * @param occurredAt when the assessment was made
 */
public record ImpactAssessed(
        String incidentId,
        List<ComponentImpact> components,
        String customerImpact,
        Long customersAffected,
        DataLoss dataLoss,
        Instant impactStartedAt,
        Instant impactEndedAt,
        Instant occurredAt) implements IncidentEvent {

    public ImpactAssessed {
        components = components == null ? List.of() : List.copyOf(components);
    }
}
