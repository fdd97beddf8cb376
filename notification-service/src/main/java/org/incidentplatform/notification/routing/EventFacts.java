package org.incidentplatform.notification.routing;

import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.events.Visibility;

/** What a rule can ask of the event itself, as opposed to the incident. */
final class EventFacts {

    private static final String TYPE_PREFIX = "org.incidentplatform.incident.";

    private EventFacts() {
    }

    static Visibility visibility(ReceivedEvent event) {
        return switch (event.payload().orElse(null)) {
            case NoteAdded note -> note.visibility();
            case StatusUpdated update -> update.visibleToPublic() ? Visibility.PUBLIC : Visibility.INTERNAL;
            case null, default -> Visibility.INTERNAL;
        };
    }

    /** {@code org.incidentplatform.incident.opened.v1} becomes {@code opened}. */
    static String kindOf(String typeName) {
        String kind = typeName.startsWith(TYPE_PREFIX) ? typeName.substring(TYPE_PREFIX.length()) : typeName;
        return kind.replaceFirst("\\.v\\d+$", "");
    }
}
