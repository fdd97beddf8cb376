package org.incidentplatform.report.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.incidentplatform.events.Severity;
import org.incidentplatform.report.durations.Durations;
import org.incidentplatform.report.durations.KeyTimes;
import org.incidentplatform.report.projection.EventLog;
import org.incidentplatform.report.projection.Fact;
import org.incidentplatform.report.projection.IncidentReport;
import org.incidentplatform.report.projection.ReportProjection;
import org.springframework.stereotype.Component;

/**
 * The incidents of a period with their durations, each recomputed from its event log at the
 * time of the request: a back-dated correction recorded yesterday changes today's numbers.
 */
@Component
class MeasuredIncidents {

    /** One incident and what its event log says about it. */
    record Measured(IncidentReport report, Durations durations) {
    }

    private final ReportProjection projection;
    private final EventLog eventLog;

    MeasuredIncidents(ReportProjection projection, EventLog eventLog) {
        this.projection = projection;
        this.eventLog = eventLog;
    }

    List<Measured> between(Instant from, Instant to) {
        List<IncidentReport> reports = projection.startedBetween(from, to);
        Map<String, List<Fact>> facts = eventLog.factsOf(reports);
        return reports.stream()
                .map(report -> new Measured(report, Durations.of(KeyTimes.of(facts.get(report.incidentId())))))
                .sorted(Comparator.comparing((Measured m) -> m.report().startedAt())
                        .thenComparing(m -> m.report().incidentId()))
                .toList();
    }

    static IncidentMetrics metrics(List<Measured> incidents, Period period, GroupBy groupBy) {
        Map<String, List<Measured>> groups = new LinkedHashMap<>();
        for (Measured incident : incidents) {
            groupBy.keysOf(incident.report()).forEach(key -> groups.computeIfAbsent(key, k -> new ArrayList<>()).add(incident));
        }
        Comparator<String> order = groupBy == GroupBy.SEVERITY ? Comparator.comparingInt(MeasuredIncidents::severityRank)
                : Comparator.naturalOrder();
        return new IncidentMetrics(period.from().toString(), period.to().toString(), groupBy.label(),
                group("all", incidents),
                groups.entrySet().stream().sorted(Map.Entry.comparingByKey(order))
                        .map(e -> group(e.getKey(), e.getValue())).toList());
    }

    static IncidentMetrics.Group group(String key, List<Measured> incidents) {
        return new IncidentMetrics.Group(key, incidents.size(),
                statistic(incidents, Durations::detectionDelay),
                statistic(incidents, Durations::timeToAcknowledge),
                statistic(incidents, Durations::timeToMitigate),
                statistic(incidents, Durations::timeToResolve));
    }

    private static Statistic statistic(List<Measured> incidents, Function<Durations, Duration> which) {
        return Statistic.of(incidents.stream().map(m -> which.apply(m.durations())).filter(Objects::nonNull).toList());
    }

    private static int severityRank(String key) {
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(key)) {
                return severity.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }
}
