package org.incidentplatform.timeline.entries;

import static org.incidentplatform.events.Visibility.INTERNAL;
import static org.incidentplatform.events.Visibility.PUBLIC;

import java.time.Instant;
import java.util.Locale;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.ActionItemAdded;
import org.incidentplatform.events.ActionItemUpdated;
import org.incidentplatform.events.CommanderAssigned;
import org.incidentplatform.events.EscalationStarted;
import org.incidentplatform.events.EscalationStepReached;
import org.incidentplatform.events.EscalationStopped;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.AlertResolved;
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
import org.incidentplatform.events.Visibility;

/**
 * Turns a known incident event into the timeline entry a responder reads. The visibility of
 * each kind is listed in the module README; in short, what a status page would show is public,
 * who-does-what and post-mortem work in progress are internal.
 */
final class TimelineEntries {

    private static final String TYPE_PREFIX = "org.incidentplatform.incident.";

    private TimelineEntries() {
    }

    /** The entry for an event whose payload this service could read. */
    static TimelineEntry from(ReceivedEvent event) {
        return from(event, event.payload().orElseThrow());
    }

    static TimelineEntry from(ReceivedEvent event, Object payload) {
        return switch (payload) {
            case IncidentOpened e -> entry(event, e.occurredAt(), PUBLIC,
                    "Incident opened: %s (%s)".formatted(e.title(), e.severity()));
            case IncidentAcknowledged e -> entry(event, e.occurredAt(), PUBLIC, "Incident acknowledged");
            case StatusUpdated e -> entry(event, e.occurredAt(), e.visibleToPublic() ? PUBLIC : INTERNAL,
                    Texts.words(e.status()) + suffix(": ", e.message()));
            case SeverityChanged e -> entry(event, e.occurredAt(), PUBLIC,
                    "Severity changed from %s to %s".formatted(e.previousSeverity(), e.severity()) + suffix(": ", e.reason()));
            case CommanderAssigned e -> entry(event, e.occurredAt(), INTERNAL, e.commander() + " is now incident commander");
            case ResponderAdded e -> entry(event, e.occurredAt(), INTERNAL, e.responder() + " joined the response");
            case ResponderRemoved e -> entry(event, e.occurredAt(), INTERNAL, e.responder() + " left the response");
            case NoteAdded e -> entry(event, e.occurredAt(), e.visibility() == null ? INTERNAL : e.visibility(),
                    "Note: " + e.text());
            case ImpactAssessed e -> entry(event, e.occurredAt(), PUBLIC, Texts.impact(e));
            case IncidentMitigated e -> entry(event, e.occurredAt(), PUBLIC, "Impact mitigated");
            case IncidentResolved e -> entry(event, e.occurredAt(), PUBLIC, "Incident resolved" + suffix(": ", e.resolution()));
            case IncidentReopened e -> entry(event, e.occurredAt(), PUBLIC, "Incident reopened" + suffix(": ", e.reason()));
            case PostmortemUpdated e -> entry(event, e.occurredAt(), INTERNAL,
                    "Post-mortem updated" + suffix(" (root cause: ", e.rootCause(), ")"));
            case ActionItemAdded e -> entry(event, e.occurredAt(), INTERNAL, "Action item added: " + Texts.actionItem(e.item()));
            case ActionItemUpdated e -> entry(event, e.occurredAt(), INTERNAL, "Action item updated: " + Texts.actionItem(e.item()));
            case IncidentClosed e -> entry(event, e.occurredAt(), PUBLIC, "Incident closed");
            // Alert details (labels, hosts, URLs) are for responders; the public sees the incident.
            case AlertAttached e -> entry(event, e.occurredAt(), INTERNAL,
                    "Alert from %s: %s".formatted(e.integrationName(), e.summary()));
            case AlertResolved e -> entry(event, e.occurredAt(), INTERNAL,
                    "Alert resolved" + (e.allAlertsResolved() ? " (no alert of this incident fires any more)" : ""));
            // Who was paged, how and when is the response team's record (and the post-mortem's).
            case EscalationStarted e -> entry(event, e.occurredAt(), INTERNAL,
                    "Escalation started: policy %s (%d %s, up to %d %s)".formatted(e.policyName(), e.steps(),
                            e.steps() == 1 ? "step" : "steps", e.rounds(), e.rounds() == 1 ? "round" : "rounds"));
            case EscalationStepReached e -> entry(event, e.occurredAt(), INTERNAL, Texts.escalationStep(e));
            case PersonPaged e -> entry(event, e.occurredAt(), INTERNAL, Texts.page(e));
            case EscalationStopped e -> entry(event, e.occurredAt(), INTERNAL, "Escalation stopped: " + switch (e.reason()) {
                case "ACKNOWLEDGED" -> "the incident was acknowledged";
                case "RESOLVED" -> "the incident was resolved";
                case "EXHAUSTED" -> "every step went unanswered";
                case null, default -> String.valueOf(e.reason()).toLowerCase(Locale.ROOT);
            });
            // A type added to the contract before this switch learns it still belongs on the
            // timeline: a gap would mislead a post-mortem more than a plain sentence does. It is
            // internal until someone decides otherwise.
            default -> entry(event, event.recordedAt(), INTERNAL, "Incident " + kindOf(event.type()));
        };
    }

    /** {@code org.incidentplatform.incident.opened.v1} becomes {@code opened}. */
    static String kindOf(String typeName) {
        String kind = typeName.startsWith(TYPE_PREFIX) ? typeName.substring(TYPE_PREFIX.length()) : typeName;
        return kind.replaceFirst("\\.v\\d+$", "").toLowerCase(Locale.ROOT);
    }

    private static String suffix(String before, String value) {
        return suffix(before, value, "");
    }

    private static String suffix(String before, String value, String after) {
        return value == null || value.isBlank() ? "" : before + value + after;
    }

    private static TimelineEntry entry(ReceivedEvent event, Instant occurredAt, Visibility visibility, String text) {
        // A payload without its own time is placed when it was recorded rather than dropped.
        Instant when = occurredAt == null ? event.recordedAt() : occurredAt;
        return new TimelineEntry(event.eventId(), event.incidentId(), event.incidentSequence(),
                kindOf(event.type()), visibility, when, event.recordedAt(), event.actor(), text);
    }
}
