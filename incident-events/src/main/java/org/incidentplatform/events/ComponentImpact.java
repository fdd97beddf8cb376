package org.incidentplatform.events;

/**
 * One affected component.
 *
 * @param component the component's name as users know it, e.g. "API"
 * @param status    how badly it is affected
 */
public record ComponentImpact(String component, ComponentStatus status) {
}
