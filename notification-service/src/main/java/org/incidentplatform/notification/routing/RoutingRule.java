package org.incidentplatform.notification.routing;

import java.util.List;

/**
 * Sends matching incident events to targets. Every condition is optional; an empty list matches
 * everything, a filled one matches when the event or incident has any of its values.
 *
 * @param id           stable name of the rule, e.g. {@code sev1-sev2-everywhere}
 * @param description  why the rule exists, for the people who edit it
 * @param eventTypes   CloudEvents type names or their short form ({@code status-updated}); empty for
 *                     every event except the per-alert ones ({@code alert-attached},
 *                     {@code alert-resolved}), which a rule gets only by naming them
 * @param severities   incident severity ({@code SEV1}..{@code SEV4}), as of the event
 * @param services     affected services or components of the incident
 * @param statuses     incident status after the event ({@code TRIGGERED}..{@code CLOSED})
 * @param visibilities {@code PUBLIC} or {@code INTERNAL}: a note's visibility, a status update's
 *                     public flag; other events count as internal
 * @param targets      where matching events go, as {@code channel:target}
 */
public record RoutingRule(String id, String description, List<String> eventTypes, List<String> severities,
        List<String> services, List<String> statuses, List<String> visibilities, List<String> targets) {

    public RoutingRule {
        eventTypes = orEmpty(eventTypes);
        severities = orEmpty(severities);
        services = orEmpty(services);
        statuses = orEmpty(statuses);
        visibilities = orEmpty(visibilities);
        targets = orEmpty(targets);
    }

    RoutingRule withId(String newId) {
        return new RoutingRule(newId, description, eventTypes, severities, services, statuses, visibilities, targets);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
