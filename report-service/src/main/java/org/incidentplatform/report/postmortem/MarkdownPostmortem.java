package org.incidentplatform.report.postmortem;

import static org.incidentplatform.report.web.Markdown.block;
import static org.incidentplatform.report.web.Markdown.inline;

import java.util.List;
import org.incidentplatform.report.durations.DurationValue;

/** The post-mortem as Markdown; every piece of incident text is neutralised (see {@code Markdown}). */
final class MarkdownPostmortem {

    private MarkdownPostmortem() {
    }

    static String render(Postmortem p) {
        StringBuilder md = new StringBuilder();
        md.append("# Post-mortem: ").append(inline(p.title())).append("\n\n");
        md.append("- Incident: ").append(inline(p.incidentId())).append('\n');
        md.append("- Severity: ").append(p.severity()).append('\n');
        md.append("- Status: ").append(p.status()).append('\n');
        md.append("- Services: ").append(list(p.services())).append('\n');
        md.append("- Commander: ").append(p.commander() == null ? "-" : inline(p.commander())).append('\n');
        md.append("- Responders: ").append(list(p.responders())).append('\n');
        md.append("- Times in: ").append(inline(p.timeZone())).append("\n\n");
        if (!p.complete()) {
            md.append("> Some events of this incident never reached the report service; sections may be incomplete.\n\n");
        }
        md.append("## Summary\n\n").append(p.summary() == null ? "-" : block(p.summary())).append("\n\n");
        p.severityChanges().forEach(c -> md.append("- Severity ").append(c.from()).append(" to ").append(c.to())
                .append(" at ").append(ReadableTime.at(c.at())).append(": ").append(inline(c.reason())).append('\n'));
        md.append("## Timeline\n\n| Time | What | Visibility |\n| --- | --- | --- |\n");
        p.timeline().forEach(e -> md.append("| ").append(ReadableTime.at(e.at())).append(" | ").append(inline(e.text()))
                .append(" | ").append(e.visibility().toLowerCase()).append(" |\n"));
        md.append("\n## Root cause\n\n").append(p.rootCause() == null ? "-" : block(p.rootCause())).append("\n\n");
        section(md, "Contributing factors", p.contributingFactors());
        impact(md, p.impact());
        alerts(md, p.alerts());
        durations(md, p);
        md.append("## Resolution\n\n").append(p.resolution() == null ? "-" : block(p.resolution())).append("\n\n");
        section(md, "What went well", p.whatWentWell());
        section(md, "What went wrong", p.whatWentWrong());
        section(md, "Lessons", p.lessons());
        md.append("## Action items\n\n");
        p.actionItems().forEach(group -> {
            md.append("### ").append(group.category()).append(", ").append(group.term()).append(" term\n\n");
            group.items().forEach(i -> md.append("- ").append(inline(i.title())).append(" (owner: ")
                    .append(i.owner() == null ? "-" : inline(i.owner())).append(", due: ")
                    .append(i.dueDate() == null ? "-" : i.dueDate()).append(", ").append(i.status()).append(")\n"));
            md.append('\n');
        });
        md.append("## Status updates as published\n\n");
        p.statusUpdates().forEach(u -> md.append("- ").append(ReadableTime.at(u.at())).append(", **")
                .append(u.status()).append("**: ").append(inline(u.message())).append('\n'));
        return md.append('\n').toString();
    }

    private static void impact(StringBuilder md, Postmortem.Impact impact) {
        md.append("## User-facing impact\n\n");
        impact.components().forEach(c -> md.append("- ").append(inline(c.name())).append(": worst status ")
                .append(c.worstStatus().name().toLowerCase().replace('_', ' ')).append('\n'));
        md.append("- Customer impact: ").append(impact.customerImpact() == null ? "-" : inline(impact.customerImpact())).append('\n');
        md.append("- Customers affected: ").append(impact.customersAffected() == null ? "unknown" : impact.customersAffected()).append('\n');
        md.append("- Data loss: ").append(impact.dataLost() == null ? "unknown" : impact.dataLost() ? "yes" : "no");
        if (impact.dataLossDescription() != null) {
            md.append(", ").append(inline(impact.dataLossDescription()));
        }
        md.append("\n\n");
    }

    private static void alerts(StringBuilder md, Postmortem.Alerts alerts) {
        md.append("## Alerts\n\n");
        md.append("- ").append(alerts.attached()).append(" attached, ").append(alerts.resolved()).append(" resolved");
        if (alerts.attached() > 0) {
            md.append("; first ").append(ReadableTime.at(alerts.firstAttached())).append(", last ")
                    .append(ReadableTime.at(alerts.lastAttached()));
        }
        md.append('\n');
        alerts.byIntegration().forEach(c -> md.append("- Through ").append(inline(c.integration())).append(": ")
                .append(c.alerts()).append('\n'));
        alerts.topLabels().forEach(c -> md.append("- ").append(inline(c.label())).append('=').append(inline(c.value()))
                .append(": ").append(c.alerts()).append('\n'));
        if (alerts.labelValuesNotCounted() > 0) {
            md.append("- Further label values not counted: ").append(alerts.labelValuesNotCounted()).append('\n');
        }
        md.append('\n');
    }

    private static void durations(StringBuilder md, Postmortem p) {
        Postmortem.KeyTimesView t = p.keyTimes();
        Postmortem.DurationsView d = p.durations();
        md.append("## Duration\n\n");
        md.append("- Impact: ").append(ReadableTime.at(t.impactStarted())).append(" to ").append(ReadableTime.at(t.impactEnded()))
                .append(" (").append(ReadableTime.duration(d.impact())).append(")\n");
        row(md, "Detection delay", d.detectionDelay());
        row(md, "Time to respond (acknowledge)", d.timeToAcknowledge());
        row(md, "Time to mitigate", d.timeToMitigate());
        row(md, "Time to resolve", d.timeToResolve());
        row(md, "Total downtime", d.totalDowntime());
        row(md, "Customer-impact duration", d.customerImpact());
        md.append('\n');
    }

    private static void row(StringBuilder md, String label, DurationValue value) {
        md.append("- ").append(label).append(": ").append(ReadableTime.duration(value)).append('\n');
    }

    private static void section(StringBuilder md, String heading, List<String> items) {
        md.append("## ").append(heading).append("\n\n");
        if (items.isEmpty()) {
            md.append("-\n");
        }
        items.forEach(item -> md.append("- ").append(inline(item)).append('\n'));
        md.append('\n');
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : String.join(", ", values.stream().map(v -> inline(v)).toList());
    }
}
