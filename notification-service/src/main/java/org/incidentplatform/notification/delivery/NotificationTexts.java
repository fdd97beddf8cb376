package org.incidentplatform.notification.delivery;

import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.ActionItemAdded;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.AlertResolved;
import org.incidentplatform.events.ActionItemUpdated;
import org.incidentplatform.events.CommanderAssigned;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentMitigated;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.PostmortemUpdated;
import org.incidentplatform.events.ResponderAdded;
import org.incidentplatform.events.ResponderRemoved;
import org.incidentplatform.events.SeverityChanged;
import org.incidentplatform.events.StatusUpdated;

/** The words a notification uses for each kind of incident event: plain text, escaped by each channel. */
final class NotificationTexts {

    private static final String TYPE_PREFIX = "org.incidentplatform.incident.";

    private NotificationTexts() {
    }

    static String of(ReceivedEvent event) {
        return switch (event.payload().orElseThrow()) {
            case IncidentOpened e -> "Incident opened: %s (%s)".formatted(e.title(), e.severity());
            case IncidentAcknowledged e -> "Acknowledged" + by(event);
            case StatusUpdated e -> "%s: %s".formatted(capitalised(e.status().name()), e.message());
            case SeverityChanged e -> "Severity changed from %s to %s: %s".formatted(
                    e.previousSeverity(), e.severity(), e.reason());
            case CommanderAssigned e -> "Commander: " + e.commander();
            case ResponderAdded e -> "Responder joined: " + e.responder();
            case ResponderRemoved e -> "Responder left: " + e.responder();
            case NoteAdded e -> "Note (%s): %s".formatted(e.visibility().name().toLowerCase(), e.text());
            case ImpactAssessed e -> "Impact assessed: " + (e.customerImpact() == null ? "components "
                    + e.components().stream().map(c -> c.component() + " " + c.status()).toList() : e.customerImpact());
            case IncidentMitigated e -> "Mitigated";
            case IncidentResolved e -> "Resolved" + by(event) + ": " + e.resolution();
            case IncidentReopened e -> "Reopened: " + e.reason();
            case PostmortemUpdated e -> "Post-mortem updated" + (e.rootCause() == null ? "" : ": root cause " + e.rootCause());
            case ActionItemAdded e -> "Action item added: " + e.item().title();
            case ActionItemUpdated e -> "Action item %s: %s".formatted(e.item().status(), e.item().title());
            case IncidentClosed e -> "Closed: post-mortem complete";
            case AlertAttached e -> "Alert from %s: %s".formatted(e.source(), e.summary());
            case AlertResolved e -> e.allAlertsResolved() ? "Alert resolved; no alert is firing any more"
                    : "Alert resolved";
            // A type added to the contract before this switch learns it still reaches people;
            // a plain sentence beats silence.
            default -> "Update: " + kindOf(event.type());
        };
    }

    /** Who answered, for the two changes people most want attributed ("Acknowledged by Sergei via Slack"). */
    private static String by(ReceivedEvent event) {
        String actor = event.actor();
        return actor == null || actor.isBlank() || "anonymous".equals(actor) ? "" : " by " + actor;
    }

    /** {@code org.incidentplatform.incident.opened.v1} becomes {@code opened}. */
    static String kindOf(String typeName) {
        String kind = typeName.startsWith(TYPE_PREFIX) ? typeName.substring(TYPE_PREFIX.length()) : typeName;
        return kind.replaceFirst("\\.v\\d+$", "");
    }

    private static String capitalised(String constant) {
        return constant.charAt(0) + constant.substring(1).toLowerCase();
    }
}
