package org.incidentplatform.report.postmortem;

import java.util.List;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ComponentStatus;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.report.durations.DurationValue;

/**
 * A post-mortem in the sections every post-mortem shares. Times are ISO-8601 with the offset of
 * the requested zone ({@code timeZone}); the document is a pure function of the incident's
 * events and the zone, so it is the same before and after a rebuild.
 *
 * @param complete false when events of this incident never reached this service (a sequence gap)
 */
record Postmortem(
        String incidentId,
        String title,
        String summary,
        Severity severity,
        List<SeverityChange> severityChanges,
        IncidentStatus status,
        List<String> services,
        String commander,
        List<String> responders,
        String timeZone,
        List<TimelineEntry> timeline,
        String rootCause,
        List<String> contributingFactors,
        Impact impact,
        Alerts alerts,
        KeyTimesView keyTimes,
        DurationsView durations,
        String resolution,
        List<String> whatWentWell,
        List<String> whatWentWrong,
        List<String> lessons,
        List<ActionItemGroup> actionItems,
        List<PublishedUpdate> statusUpdates,
        boolean complete) {

    record SeverityChange(Severity from, Severity to, String reason, String at) {
    }

    /** One fact, at the time it happened; {@code visibility} is INTERNAL or PUBLIC. */
    record TimelineEntry(String at, String kind, String text, String visibility) {
    }

    /** User-facing impact; each component at its worst status during the incident. */
    record Impact(List<AffectedComponent> components, String customerImpact, Long customersAffected,
            Boolean dataLost, String dataLossDescription) {
    }

    record AffectedComponent(String name, ComponentStatus worstStatus) {
    }

    /**
     * The monitoring alerts, summarised: how many, when the first and last arrived, through which
     * integrations, and the most frequent label values ({@code labelValuesNotCounted} says how
     * many further values the summary had no room for).
     */
    record Alerts(long attached, long resolved, String firstAttached, String lastAttached,
            List<IntegrationCount> byIntegration, List<LabelCount> topLabels, long labelValuesNotCounted) {
    }

    record IntegrationCount(String integration, long alerts) {
    }

    record LabelCount(String label, String value, long alerts) {
    }

    record KeyTimesView(String impactStarted, String impactEnded, String started, String detected,
            String acknowledged, String mitigated, String resolved, String reopened, String closed) {
    }

    record DurationsView(DurationValue impact, DurationValue detectionDelay, DurationValue timeToAcknowledge,
            DurationValue timeToMitigate, DurationValue timeToResolve, DurationValue totalDowntime,
            DurationValue customerImpact) {
    }

    /** Action items of one category and term, e.g. DETECTION / SHORT. */
    record ActionItemGroup(ActionItem.Category category, ActionItem.Term term, List<ActionItemView> items) {
    }

    record ActionItemView(String itemId, String title, String owner, String dueDate, ActionItem.Status status,
            String link) {
    }

    /** A status update as the public read it. */
    record PublishedUpdate(String at, String status, String message) {
    }
}
