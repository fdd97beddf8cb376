package org.incidentplatform.report.statuspage;

import static org.incidentplatform.report.web.Html.text;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.incidentplatform.report.web.Html;

/** The public page: overall status, components, open incidents with their updates, the last 14 days. */
final class StatusPageHtml {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private StatusPageHtml() {
    }

    static String render(StatusBoard.Board board) {
        StatusSummary s = board.summary();
        StringBuilder h = new StringBuilder(Html.head(s.page().name()));
        h.append("<main class=\"status-page\">\n<h1>").append(text(s.page().name())).append("</h1>\n");
        h.append("<p id=\"overall\" class=\"indicator-").append(text(s.status().indicator())).append("\">")
                .append(text(s.status().description())).append("</p>\n");
        h.append("<h2>Components</h2>\n<ul id=\"components\">\n");
        for (StatusSummary.Component c : s.components()) {
            h.append("<li class=\"component\" data-component-id=\"").append(text(c.id())).append("\"><span class=\"name\">")
                    .append(text(c.name())).append("</span> <span class=\"component-status ").append(text(c.status()))
                    .append("\">").append(text(c.status().replace('_', ' '))).append("</span></li>\n");
        }
        h.append("</ul>\n");
        maintenance(h, s.scheduledMaintenances());
        h.append("<h2>Open incidents</h2>\n");
        incidents(h, s.incidents(), "open-incidents", "No open incidents.");
        h.append("<h2>Past 14 days</h2>\n");
        incidents(h, board.recentlyResolved(), "history", "No incidents in the past 14 days.");
        h.append("<p class=\"feeds\"><a href=\"/status/summary.json\">summary.json</a> | ")
                .append("<a href=\"/status/history.atom\">Atom feed</a></p>\n</main>\n");
        return h.append(Html.tail()).toString();
    }

    private static void incidents(StringBuilder h, List<StatusSummary.Incident> incidents, String id, String none) {
        h.append("<section id=\"").append(id).append("\">\n");
        if (incidents.isEmpty()) {
            h.append("<p class=\"none\">").append(text(none)).append("</p>\n");
        }
        for (StatusSummary.Incident incident : incidents) {
            h.append("<article class=\"incident impact-").append(text(incident.impact())).append("\" id=\"incident-")
                    .append(text(incident.id())).append("\"><h3 class=\"incident-name\">").append(text(incident.name()))
                    .append("</h3><p class=\"incident-status\">").append(text(incident.status())).append("</p><ol class=\"updates\">");
            for (StatusSummary.IncidentUpdate update : incident.incidentUpdates()) {
                h.append("<li class=\"update\"><strong>").append(text(capitalized(update.status()))).append("</strong> - ")
                        .append("<span class=\"body\">").append(text(update.body())).append("</span> <time datetime=\"")
                        .append(text(update.displayAt())).append("\">").append(text(shown(update.displayAt())))
                        .append("</time></li>");
            }
            h.append("</ol></article>\n");
        }
        h.append("</section>\n");
    }

    private static void maintenance(StringBuilder h, List<StatusSummary.ScheduledMaintenance> windows) {
        if (windows.isEmpty()) {
            return;
        }
        h.append("<h2>Scheduled maintenance</h2>\n<section id=\"maintenance\">\n");
        for (StatusSummary.ScheduledMaintenance w : windows) {
            h.append("<article class=\"maintenance ").append(text(w.status())).append("\" id=\"maintenance-")
                    .append(text(w.id())).append("\"><h3 class=\"maintenance-name\">").append(text(w.name()))
                    .append("</h3><p class=\"maintenance-status\">").append(text(w.status().replace('_', ' ')))
                    .append(": <time datetime=\"").append(text(w.scheduledFor())).append("\">").append(text(shown(w.scheduledFor())))
                    .append("</time> to <time datetime=\"").append(text(w.scheduledUntil())).append("\">")
                    .append(text(shown(w.scheduledUntil()))).append("</time></p><p class=\"maintenance-components\">")
                    .append(text(String.join(", ", w.components().stream().map(StatusSummary.Component::name).toList())))
                    .append("</p><p class=\"body\">").append(text(w.incidentUpdates().getFirst().body())).append("</p></article>\n");
        }
        h.append("</section>\n");
    }

    private static String shown(String iso) {
        return iso == null ? "" : SHOWN.format(OffsetDateTime.parse(iso));
    }

    private static String capitalized(String status) {
        return status.isEmpty() ? status : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }
}
