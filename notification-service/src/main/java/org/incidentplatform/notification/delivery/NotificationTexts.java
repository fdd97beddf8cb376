package org.incidentplatform.notification.delivery;

import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.IncidentOpened;

/** The words a notification uses for each kind of incident event. */
final class NotificationTexts {

    private static final String TYPE_PREFIX = "org.incidentplatform.incident.";

    private NotificationTexts() {
    }

    static String of(ReceivedEvent event) {
        return switch (event.payload().orElseThrow()) {
            case IncidentOpened opened -> "Incident opened: %s (%s)".formatted(opened.title(), opened.severity());
            // A type added to the contract before this switch learns it still reaches people;
            // a plain sentence with the incident id beats silence.
            default -> "Incident %s: %s".formatted(event.incidentId(), kindOf(event.type()));
        };
    }

    /** {@code org.incidentplatform.incident.opened.v1} becomes {@code opened}. */
    static String kindOf(String typeName) {
        String kind = typeName.startsWith(TYPE_PREFIX) ? typeName.substring(TYPE_PREFIX.length()) : typeName;
        return kind.replaceFirst("\\.v\\d+$", "");
    }
}
