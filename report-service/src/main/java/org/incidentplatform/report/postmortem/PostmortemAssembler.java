package org.incidentplatform.report.postmortem;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.report.durations.DurationValue;
import org.incidentplatform.report.durations.Durations;
import org.incidentplatform.report.durations.KeyTimes;
import org.incidentplatform.report.pages.PageDeliveries;
import org.incidentplatform.report.postmortem.Postmortem.ActionItemGroup;
import org.incidentplatform.report.postmortem.Postmortem.ActionItemView;
import org.incidentplatform.report.postmortem.Postmortem.AffectedComponent;
import org.incidentplatform.report.postmortem.Postmortem.DurationsView;
import org.incidentplatform.report.postmortem.Postmortem.KeyTimesView;
import org.incidentplatform.report.postmortem.Postmortem.PublishedUpdate;
import org.incidentplatform.report.postmortem.Postmortem.TimelineEntry;
import org.incidentplatform.report.projection.AlertSummary;
import org.incidentplatform.report.projection.EventLog;
import org.incidentplatform.report.projection.Fact;
import org.incidentplatform.report.projection.IncidentReport;
import org.incidentplatform.report.projection.IncidentReport.Sections;
import org.springframework.stereotype.Component;

/** Builds the post-mortem of one incident from its report and event log, with times in one zone. */
@Component
class PostmortemAssembler {

    /** Label values a reader can take in at a glance; the API and both formats show the same. */
    static final int TOP_LABELS = 15;

    private final EventLog eventLog;
    private final PageDeliveries pageDeliveries;

    PostmortemAssembler(EventLog eventLog, PageDeliveries pageDeliveries) {
        this.eventLog = eventLog;
        this.pageDeliveries = pageDeliveries;
    }

    Postmortem assemble(IncidentReport report, ZoneId zone) {
        List<Fact> facts = eventLog.factsOf(report);
        KeyTimes times = KeyTimes.of(facts);
        Durations durations = Durations.of(times);
        Sections sections = report.sections() != null ? report.sections()
                : new Sections(null, null, List.of(), List.of(), List.of(), List.of());
        return new Postmortem(
                report.incidentId(),
                report.title(),
                sections.summary() != null ? sections.summary() : report.summary(),
                report.severity(),
                report.severityChanges().stream().map(c -> new Postmortem.SeverityChange(c.from(), c.to(), c.reason(),
                        at(c.occurredAt(), zone))).toList(),
                report.status(),
                report.services(),
                report.commander(),
                report.responders(),
                zone.getId(),
                Timeline.of(facts, times, pageDeliveries.of(report.incidentId())).stream()
                        .map(e -> new TimelineEntry(at(e.at(), zone), e.kind(), e.text(), e.visibility())).toList(),
                sections.rootCause(),
                sections.contributingFactors(),
                impact(report),
                alerts(report.alerts(), zone),
                new KeyTimesView(at(times.impactStarted(), zone), at(times.impactEnded(), zone), at(times.started(), zone),
                        at(times.detected(), zone), at(times.acknowledged(), zone), at(times.mitigated(), zone),
                        at(times.resolved(), zone), at(times.reopened(), zone), at(times.closed(), zone)),
                new DurationsView(DurationValue.of(durations.impact()), DurationValue.of(durations.detectionDelay()),
                        DurationValue.of(durations.timeToAcknowledge()), DurationValue.of(durations.timeToMitigate()),
                        DurationValue.of(durations.timeToResolve()), DurationValue.of(durations.totalDowntime()),
                        DurationValue.of(durations.customerImpact())),
                report.resolution(),
                sections.whatWentWell(),
                sections.whatWentWrong(),
                sections.lessons(),
                actionItems(report.actionItems()),
                report.updates().stream().filter(IncidentReport.Update::isPublic)
                        .sorted(Comparator.comparing(IncidentReport.Update::occurredAt)
                                .thenComparingLong(IncidentReport.Update::sequence))
                        .map(u -> new PublishedUpdate(at(u.occurredAt(), zone), Timeline.capitalized(u.status().name()),
                                u.message()))
                        .toList(),
                report.missingSequences().isEmpty());
    }

    private static Postmortem.Impact impact(IncidentReport report) {
        List<AffectedComponent> components = report.worstComponents().stream()
                .map(c -> new AffectedComponent(c.component(), c.status())).toList();
        IncidentReport.Impact latest = report.impact();
        return latest == null ? new Postmortem.Impact(components, null, null, null, null)
                : new Postmortem.Impact(components, latest.customerImpact(), latest.customersAffected(),
                        latest.dataLost(), latest.dataLossDescription());
    }

    private static Postmortem.Alerts alerts(AlertSummary alerts, ZoneId zone) {
        return new Postmortem.Alerts(alerts.attached(), alerts.resolved(), at(alerts.firstAttachedAt(), zone),
                at(alerts.lastAttachedAt(), zone),
                alerts.byIntegration().stream().map(c -> new Postmortem.IntegrationCount(c.name(), c.alerts())).toList(),
                alerts.topLabels(TOP_LABELS).stream()
                        .map(c -> new Postmortem.LabelCount(c.label(), c.value(), c.alerts())).toList(),
                alerts.labelValuesNotCounted());
    }

    private static List<ActionItemGroup> actionItems(List<ActionItem> items) {
        return items.stream()
                .map(item -> new ActionItemGroup(item.category(), item.term(), List.of()))
                .distinct()
                .sorted(Comparator.comparing(ActionItemGroup::category, Comparator.nullsLast(Comparator.<ActionItem.Category>naturalOrder()))
                        .thenComparing(ActionItemGroup::term, Comparator.nullsLast(Comparator.<ActionItem.Term>naturalOrder())))
                .map(group -> new ActionItemGroup(group.category(), group.term(), items.stream()
                        .filter(i -> i.category() == group.category() && i.term() == group.term()) // enums: == is equality, nulls too
                        .map(i -> new ActionItemView(i.itemId(), i.title(), i.owner(),
                                i.dueDate() == null ? null : i.dueDate().toString(), i.status(), i.link()))
                        .toList()))
                .toList();
    }

    static String at(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
