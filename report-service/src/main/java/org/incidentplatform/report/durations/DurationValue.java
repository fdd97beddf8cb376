package org.incidentplatform.report.durations;

import java.time.Duration;

/**
 * A duration as the JSON documents carry it: ISO-8601 for machines, seconds for arithmetic,
 * and the post-mortem's own notation for people.
 */
public record DurationValue(String iso, long seconds, String text) {

    public static DurationValue of(Duration duration) {
        return duration == null ? null : new DurationValue(duration.toString(), duration.getSeconds(), DurationText.of(duration));
    }
}
