package org.incidentplatform.report.durations;

import java.time.Duration;
import java.time.Instant;

/**
 * What a post-mortem reports as durations, each from {@link KeyTimes}; null when a moment is
 * missing. Every "time to ..." is measured from {@link KeyTimes#origin()}, the start of user
 * impact, because that is the wait the users had.
 *
 * @param impact            impact started to impact ended, both as assessed
 * @param detectionDelay    origin to detected
 * @param timeToAcknowledge origin to the first response (acknowledgement or status update)
 * @param timeToMitigate    origin to mitigated
 * @param timeToResolve     origin to resolved
 * @param totalDowntime     origin to impact ended, or to the resolution while no end is assessed
 * @param customerImpact    origin to impact ended, else to mitigation (the users' pain stops
 *                          there even when the cause remains), else to the resolution
 */
public record Durations(
        Duration impact,
        Duration detectionDelay,
        Duration timeToAcknowledge,
        Duration timeToMitigate,
        Duration timeToResolve,
        Duration totalDowntime,
        Duration customerImpact) {

    public static Durations of(KeyTimes t) {
        Instant origin = t.origin();
        return new Durations(
                between(t.impactStarted(), t.impactEnded()),
                between(origin, t.detected()),
                between(origin, t.acknowledged()),
                between(origin, t.mitigated()),
                between(origin, t.resolved()),
                between(origin, firstKnown(t.impactEnded(), t.resolved())),
                between(origin, firstKnown(t.impactEnded(), firstKnown(t.mitigated(), t.resolved()))));
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    private static Instant firstKnown(Instant preferred, Instant fallback) {
        return preferred != null ? preferred : fallback;
    }
}
