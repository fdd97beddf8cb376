package org.incidentplatform.report.metrics;

import java.time.Duration;
import java.util.List;
import org.incidentplatform.report.durations.DurationValue;

/**
 * Mean, median and 90th percentile of one duration over the incidents that have it.
 * The median of an even count is the mean of the middle two; p90 is the nearest-rank value
 * (the smallest sample at or above 90% of them), which is always a duration that happened.
 *
 * @param samples how many incidents had this duration (e.g. were resolved)
 */
record Statistic(int samples, DurationValue mean, DurationValue median, DurationValue p90) {

    static Statistic of(List<Duration> durations) {
        List<Long> seconds = durations.stream().map(Duration::getSeconds).sorted().toList();
        int n = seconds.size();
        if (n == 0) {
            return new Statistic(0, null, null, null);
        }
        double sum = seconds.stream().mapToLong(Long::longValue).sum();
        long median = n % 2 == 1 ? seconds.get(n / 2) : Math.round((seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2.0);
        long p90 = seconds.get((int) Math.ceil(0.9 * n) - 1);
        return new Statistic(n, value(Math.round(sum / n)), value(median), value(p90));
    }

    private static DurationValue value(long seconds) {
        return DurationValue.of(Duration.ofSeconds(seconds));
    }
}
