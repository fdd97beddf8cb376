package org.incidentplatform.report.postmortem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.incidentplatform.events.CommanderAssigned;
import org.incidentplatform.events.EscalationStarted;
import org.incidentplatform.events.EscalationStepReached;
import org.incidentplatform.events.EscalationStopped;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentMitigated;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.events.ResponderAdded;
import org.incidentplatform.events.ResponderRemoved;
import org.incidentplatform.events.SeverityChanged;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.report.durations.KeyTimes;
import org.incidentplatform.report.pages.PageDelivery;
import org.incidentplatform.report.projection.Fact;

/**
 * The incident's facts in the order they happened (occurredAt, then sequence), whatever order
 * they were recorded in. Edits of the post-mortem and its action items are not facts of the
 * incident and stay out; the assessed start and end of impact go in as facts of their own.
 */
final class Timeline {

    private static final String INTERNAL = "INTERNAL";
    private static final String PUBLIC = "PUBLIC";

    private Timeline() {
    }

    record Entry(Instant at, long sequence, String kind, String text, String visibility) {
    }

    static List<Entry> of(List<Fact> facts, KeyTimes times) {
        return of(facts, times, List.of());
    }

    /** With each page's delivery outcomes, placed right after the page when they happened at once. */
    static List<Entry> of(List<Fact> facts, KeyTimes times, List<PageDelivery> pageDeliveries) {
        List<Entry> entries = new ArrayList<>();
        for (PageDelivery delivery : pageDeliveries) {
            entries.add(new Entry(delivery.occurredAt(), delivery.pageSequence(), delivery.delivered() ? "page-delivered" : "page-failed",
                    pageWay(delivery.channel()) + " " + delivery.target() + (delivery.delivered() ? " delivered"
                            : " failed (attempt " + delivery.attempt() + "): " + delivery.error()
                                    + (delivery.willRetry() ? "; will retry" : "; no more attempts")), INTERNAL));
        }
        if (times.impactStarted() != null) {
            entries.add(new Entry(times.impactStarted(), -1, "impact-started", "User impact began", INTERNAL));
        }
        if (times.impactEnded() != null) {
            entries.add(new Entry(times.impactEnded(), Long.MAX_VALUE, "impact-ended", "User impact ended", INTERNAL));
        }
        for (Fact fact : facts) {
            entry(fact).ifPresent(entries::add);
            if (fact.event() instanceof IncidentOpened opened && opened.detectedAt() != null) {
                entries.add(new Entry(opened.detectedAt(), fact.sequence(), "detected", "Problem detected", INTERNAL));
            }
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparingLong(Entry::sequence));
        return entries;
    }

    private static java.util.Optional<Entry> entry(Fact fact) {
        long seq = fact.sequence();
        Instant at = fact.occurredAt();
        Entry entry = switch (fact.event()) {
            case IncidentOpened e -> new Entry(at, seq, "opened",
                    "Incident opened: " + e.title() + " (" + e.severity() + ")", INTERNAL);
            case IncidentAcknowledged e -> new Entry(at, seq, "acknowledged", "Acknowledged"
                    + (fact.actor() == null ? "" : " by " + fact.actor()), INTERNAL);
            case EscalationStarted e -> new Entry(at, seq, "escalation-started", "Escalation started: policy "
                    + e.policyName(), INTERNAL);
            case EscalationStepReached e -> new Entry(at, seq, "escalation-step", "Escalation step " + e.step()
                    + " of round " + e.round() + ": paging " + (e.targets().isEmpty() ? "nobody" : String.join(", ", e.targets()))
                    + (e.unreached().isEmpty() ? "" : "; not reached: " + String.join("; ", e.unreached())), INTERNAL);
            case PersonPaged e -> new Entry(at, seq, "paged", "Paged " + e.personName() + " (" + e.reason() + ") by "
                    + e.contacts().stream().map(c -> contactWay(c.type()) + (c.afterMinutes() > 0
                            ? " after " + c.afterMinutes() + " min" : "")).distinct().collect(Collectors.joining(", ")), INTERNAL);
            case EscalationStopped e -> new Entry(at, seq, "escalation-stopped", "Escalation stopped: "
                    + String.valueOf(e.reason()).toLowerCase(), INTERNAL);
            case StatusUpdated e -> new Entry(at, seq, "status-update", capitalized(e.status().name()) + ": "
                    + e.message(), e.visibleToPublic() ? PUBLIC : INTERNAL);
            case SeverityChanged e -> new Entry(at, seq, "severity-changed", "Severity " + e.previousSeverity()
                    + " -> " + e.severity() + (e.reason() == null ? "" : ": " + e.reason()), INTERNAL);
            case CommanderAssigned e -> new Entry(at, seq, "commander-assigned", e.commander() + " took command", INTERNAL);
            case ResponderAdded e -> new Entry(at, seq, "responder-added", e.responder() + " joined", INTERNAL);
            case ResponderRemoved e -> new Entry(at, seq, "responder-removed", e.responder() + " left", INTERNAL);
            case NoteAdded e -> new Entry(at, seq, "note", e.text(), e.visibility().name());
            case ImpactAssessed e -> new Entry(at, seq, "impact-assessed", "Impact assessed: " + (e.components().isEmpty()
                    ? "no component affected"
                    : e.components().stream().map(c -> c.component() + " " + componentStatus(c.status().name()))
                            .collect(Collectors.joining(", "))), INTERNAL);
            case IncidentMitigated e -> new Entry(at, seq, "mitigated", "Mitigated", INTERNAL);
            case IncidentResolved e -> new Entry(at, seq, "resolved", "Resolved" + (e.resolution() == null ? ""
                    : ": " + e.resolution()), INTERNAL);
            case IncidentReopened e -> new Entry(at, seq, "reopened", "Reopened" + (e.reason() == null ? ""
                    : ": " + e.reason()), INTERNAL);
            case IncidentClosed e -> new Entry(at, seq, "closed", "Closed", INTERNAL);
            default -> null;
        };
        return java.util.Optional.ofNullable(entry);
    }

    private static String contactWay(String contactType) {
        return switch (contactType == null ? "" : contactType) {
            case "EMAIL" -> "e-mail";
            case "SLACK" -> "Slack";
            case "VOICE" -> "phone call";
            case "NTFY" -> "push";
            default -> String.valueOf(contactType);
        };
    }

    private static String pageWay(String channel) {
        return switch (channel) {
            case "page-email" -> "Page by e-mail to";
            case "page-slack" -> "Page by Slack DM to";
            case "page-sms" -> "Page by SMS to";
            case "page-voice" -> "Page by phone call to";
            case "page-ntfy" -> "Page by push to";
            default -> "Page by " + channel + " to";
        };
    }

    static String capitalized(String constant) {
        String lower = constant.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String componentStatus(String constant) {
        return constant.toLowerCase().replace('_', ' ');
    }
}
