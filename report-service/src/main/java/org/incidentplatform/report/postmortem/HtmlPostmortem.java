package org.incidentplatform.report.postmortem;

import static org.incidentplatform.report.web.Html.text;

import java.util.List;
import org.incidentplatform.report.durations.DurationValue;
import org.incidentplatform.report.web.Html;

/** The post-mortem as a self-contained HTML page: no scripts, no inline styles, everything escaped. */
final class HtmlPostmortem {

    private HtmlPostmortem() {
    }

    static String render(Postmortem p) {
        StringBuilder h = new StringBuilder(Html.head("Post-mortem: " + p.title()));
        h.append("<main class=\"postmortem\">\n<h1 id=\"title\">").append(text(p.title())).append("</h1>\n");
        h.append("<dl class=\"facts\">");
        fact(h, "Incident", p.incidentId());
        fact(h, "Severity", p.severity());
        fact(h, "Status", p.status());
        fact(h, "Services", String.join(", ", p.services()));
        fact(h, "Commander", p.commander());
        fact(h, "Responders", String.join(", ", p.responders()));
        fact(h, "Times in", p.timeZone());
        h.append("</dl>\n");
        if (!p.complete()) {
            h.append("<p class=\"warning\">Some events of this incident never reached the report service.</p>\n");
        }
        h.append("<h2>Summary</h2><p id=\"summary\">").append(text(p.summary())).append("</p>\n");
        h.append("<h2>Timeline</h2>\n<table id=\"timeline\"><thead><tr><th>Time</th><th>What</th><th>Visibility</th></tr></thead><tbody>\n");
        p.timeline().forEach(e -> h.append("<tr class=\"").append(text(e.kind())).append("\"><td>")
                .append(text(ReadableTime.at(e.at()))).append("</td><td>").append(text(e.text())).append("</td><td>")
                .append(text(e.visibility().toLowerCase())).append("</td></tr>\n"));
        h.append("</tbody></table>\n");
        h.append("<h2>Root cause</h2><p>").append(text(p.rootCause())).append("</p>\n");
        list(h, "Contributing factors", p.contributingFactors());
        h.append("<h2>User-facing impact</h2>\n<ul id=\"impact\">");
        p.impact().components().forEach(c -> h.append("<li>").append(text(c.name())).append(": worst status ")
                .append(text(c.worstStatus().name().toLowerCase().replace('_', ' '))).append("</li>"));
        item(h, "Customer impact", p.impact().customerImpact());
        item(h, "Customers affected", p.impact().customersAffected() == null ? "unknown" : p.impact().customersAffected());
        item(h, "Data loss", (p.impact().dataLost() == null ? "unknown" : p.impact().dataLost() ? "yes" : "no")
                + (p.impact().dataLossDescription() == null ? "" : ", " + p.impact().dataLossDescription()));
        h.append("</ul>\n");
        alerts(h, p.alerts());
        h.append("<h2>Duration</h2>\n<dl id=\"durations\">");
        Postmortem.DurationsView d = p.durations();
        fact(h, "Impact", ReadableTime.at(p.keyTimes().impactStarted()) + " to " + ReadableTime.at(p.keyTimes().impactEnded())
                + " (" + ReadableTime.duration(d.impact()) + ")");
        duration(h, "Detection delay", d.detectionDelay());
        duration(h, "Time to respond (acknowledge)", d.timeToAcknowledge());
        duration(h, "Time to mitigate", d.timeToMitigate());
        duration(h, "Time to resolve", d.timeToResolve());
        duration(h, "Total downtime", d.totalDowntime());
        duration(h, "Customer-impact duration", d.customerImpact());
        h.append("</dl>\n<h2>Resolution</h2><p>").append(text(p.resolution())).append("</p>\n");
        list(h, "What went well", p.whatWentWell());
        list(h, "What went wrong", p.whatWentWrong());
        list(h, "Lessons", p.lessons());
        h.append("<h2>Action items</h2>\n");
        p.actionItems().forEach(group -> {
            h.append("<h3>").append(text(group.category())).append(", ").append(text(group.term())).append(" term</h3><ul>");
            group.items().forEach(i -> h.append("<li>").append(text(i.title())).append(" (owner: ")
                    .append(text(i.owner() == null ? "-" : i.owner())).append(", due: ")
                    .append(text(i.dueDate() == null ? "-" : i.dueDate())).append(", ").append(text(i.status()))
                    .append(")</li>"));
            h.append("</ul>\n");
        });
        h.append("<h2>Status updates as published</h2>\n<ul id=\"updates\">");
        p.statusUpdates().forEach(u -> h.append("<li>").append(text(ReadableTime.at(u.at()))).append(", <strong>")
                .append(text(u.status())).append("</strong>: ").append(text(u.message())).append("</li>"));
        return h.append("</ul>\n</main>\n").append(Html.tail()).toString();
    }

    private static void alerts(StringBuilder h, Postmortem.Alerts alerts) {
        h.append("<h2>Alerts</h2>\n<ul id=\"alerts\">");
        item(h, "Attached", alerts.attached());
        item(h, "Resolved", alerts.resolved());
        if (alerts.attached() > 0) {
            item(h, "First", ReadableTime.at(alerts.firstAttached()));
            item(h, "Last", ReadableTime.at(alerts.lastAttached()));
        }
        alerts.byIntegration().forEach(c -> item(h, "Through " + c.integration(), c.alerts()));
        alerts.topLabels().forEach(c -> item(h, c.label() + "=" + c.value(), c.alerts()));
        if (alerts.labelValuesNotCounted() > 0) {
            item(h, "Further label values not counted", alerts.labelValuesNotCounted());
        }
        h.append("</ul>\n");
    }

    private static void fact(StringBuilder h, String label, Object value) {
        h.append("<dt>").append(text(label)).append("</dt><dd>").append(value == null ? "-" : text(value)).append("</dd>");
    }

    private static void duration(StringBuilder h, String label, DurationValue value) {
        fact(h, label, ReadableTime.duration(value));
    }

    private static void item(StringBuilder h, String label, Object value) {
        h.append("<li>").append(text(label)).append(": ").append(value == null ? "-" : text(value)).append("</li>");
    }

    private static void list(StringBuilder h, String heading, List<String> items) {
        h.append("<h2>").append(text(heading)).append("</h2><ul>");
        items.forEach(i -> h.append("<li>").append(text(i)).append("</li>"));
        h.append("</ul>\n");
    }
}
