package org.incidentplatform.report.metrics;

import static org.incidentplatform.report.web.Html.text;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.incidentplatform.events.Severity;
import org.incidentplatform.report.durations.DurationText;
import org.incidentplatform.report.metrics.MeasuredIncidents.Measured;
import org.incidentplatform.report.web.Html;

/** The metrics as a page: three SVG charts and the table the API returns, grouped by severity. */
final class MetricsPage {

    private static final int TOP_SERVICES = 10;

    private MetricsPage() {
    }

    static String render(List<Measured> incidents, Period period) {
        List<String> weeks = weeks(period);
        List<String> severities = Arrays.stream(Severity.values()).map(Enum::name).toList();
        Map<String, Map<String, Integer>> perWeek = new HashMap<>();
        Map<String, List<Duration>> resolveTimes = new TreeMap<>();
        Map<String, Integer> services = new HashMap<>();
        for (Measured m : incidents) {
            String week = GroupBy.week(m.report().startedAt());
            String severity = m.report().severity() == null ? "UNKNOWN" : m.report().severity().name();
            perWeek.computeIfAbsent(week, w -> new HashMap<>()).merge(severity, 1, Integer::sum);
            if (m.durations().timeToResolve() != null) {
                resolveTimes.computeIfAbsent(week, w -> new ArrayList<>()).add(m.durations().timeToResolve());
            }
            GroupBy.SERVICE.keysOf(m.report()).forEach(service -> services.merge(service, 1, Integer::sum));
        }
        Map<String, Double> medianHours = new HashMap<>();
        resolveTimes.forEach((week, times) -> medianHours.put(week,
                Statistic.of(times).median().seconds() / 3600.0));
        List<Map.Entry<String, Integer>> topServices = services.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SERVICES).toList();

        StringBuilder h = new StringBuilder(Html.head("Incident metrics"));
        h.append("<main class=\"metrics\"><h1>Incident metrics</h1>\n<p>Incidents that began from ")
                .append(text(period.from())).append(" to ").append(text(period.to())).append(": ")
                .append(incidents.size()).append(".</p>\n");
        h.append("<section><h2>Incidents per week by severity</h2>\n")
                .append(SvgCharts.stackedBars("Incidents per week by severity", weeks, severities, perWeek)).append("</section>\n");
        h.append("<section><h2>Time to resolve, weekly median</h2>\n")
                .append(SvgCharts.line("Median time to resolve per week in hours", weeks, medianHours, "h")).append("</section>\n");
        h.append("<section><h2>Top affected services</h2>\n")
                .append(SvgCharts.horizontalBars("Incidents per service", topServices)).append("</section>\n");
        table(h, MeasuredIncidents.metrics(incidents, period, GroupBy.SEVERITY));
        return h.append("</main>\n").append(Html.tail()).toString();
    }

    private static void table(StringBuilder h, IncidentMetrics metrics) {
        h.append("<section><h2>By severity</h2><table id=\"by-severity\"><thead><tr><th>Severity</th><th>Incidents</th>")
                .append("<th>Median time to detect</th><th>Median time to acknowledge</th><th>Median time to mitigate</th>")
                .append("<th>Median time to resolve</th><th>p90 time to resolve</th></tr></thead><tbody>\n");
        List<IncidentMetrics.Group> rows = new ArrayList<>(metrics.groups());
        rows.add(metrics.total());
        for (IncidentMetrics.Group g : rows) {
            h.append("<tr><td>").append(text(g.key())).append("</td><td>").append(g.count()).append("</td><td>")
                    .append(text(median(g.timeToDetect()))).append("</td><td>").append(text(median(g.timeToAcknowledge())))
                    .append("</td><td>").append(text(median(g.timeToMitigate()))).append("</td><td>")
                    .append(text(median(g.timeToResolve()))).append("</td><td>")
                    .append(text(g.timeToResolve().p90() == null ? "-" : g.timeToResolve().p90().text()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static String median(Statistic statistic) {
        return statistic.median() == null ? "-" : DurationText.of(Duration.ofSeconds(statistic.median().seconds()));
    }

    /** Every ISO week the period touches, at most the last 26 so the chart stays legible. */
    private static List<String> weeks(Period period) {
        List<String> weeks = new ArrayList<>();
        for (var t = period.from(); t.isBefore(period.to()); t = t.plus(1, ChronoUnit.DAYS)) {
            String week = GroupBy.week(t);
            if (weeks.isEmpty() || !weeks.getLast().equals(week)) {
                weeks.add(week);
            }
        }
        weeks.sort(Comparator.naturalOrder());
        return weeks.size() > 26 ? weeks.subList(weeks.size() - 26, weeks.size()) : weeks;
    }
}
