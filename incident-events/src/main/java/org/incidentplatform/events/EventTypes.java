package org.incidentplatform.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CloudEvents type names of the incident events and the record each one carries.
 *
 * <p>Type names are versioned ({@code .v1}); a breaking change to a payload gets a new name
 * and both are published side by side until consumers have moved.
 */
public final class EventTypes {

    public static final String INCIDENT_OPENED = "org.incidentplatform.incident.opened.v1";

    private static final Map<String, Class<? extends Record>> BY_NAME = Map.of(
            INCIDENT_OPENED, IncidentOpened.class);

    private EventTypes() {
    }

    /** The record class for a type name, or empty for a type this contract version does not know. */
    public static Optional<Class<? extends Record>> payloadType(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /** The type name under which a payload record is published. */
    public static String typeNameOf(Class<?> payloadType) {
        return BY_NAME.entrySet().stream()
                .filter(e -> e.getValue().equals(payloadType))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a published event: " + payloadType.getName()));
    }

    /** Every type name this contract version defines. */
    public static Set<String> all() {
        return BY_NAME.keySet();
    }
}
