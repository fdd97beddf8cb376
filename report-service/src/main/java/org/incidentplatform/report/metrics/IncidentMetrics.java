package org.incidentplatform.report.metrics;

import java.util.List;

/**
 * Metrics over the incidents that began in [from, to).
 *
 * @param total  all those incidents together
 * @param groups the same figures per group, in group order
 */
record IncidentMetrics(String from, String to, String groupBy, Group total, List<Group> groups) {

    /** Counts and statistics for one group; the times are measured as post-mortems measure them. */
    record Group(String key, int count, Statistic timeToDetect, Statistic timeToAcknowledge,
            Statistic timeToMitigate, Statistic timeToResolve) {
    }
}
