package org.incidentplatform.report.durations;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentMitigated;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.report.projection.Fact;

/**
 * The moments a post-mortem measures, read from the event log. Any of them may be null.
 *
 * <ul>
 * <li>impactStarted / impactEnded: the latest assessment that states them (an assessment that
 * leaves one out does not erase what an earlier one said);</li>
 * <li>started: when the incident began as the opener knew it; detected: the opener's detection
 * time, else when the opening was recorded;</li>
 * <li>acknowledged: the earliest acknowledgement or status update by time of occurrence, so a
 * back-dated first response counts;</li>
 * <li>mitigated and resolved: of the last episode; a reopening clears both, as it does in
 * incident-service;</li>
 * <li>reopened: the latest reopening; closed: the closing.</li>
 * </ul>
 */
public record KeyTimes(
        Instant impactStarted,
        Instant impactEnded,
        Instant started,
        Instant detected,
        Instant acknowledged,
        Instant mitigated,
        Instant resolved,
        Instant reopened,
        Instant closed) {

    public static KeyTimes of(List<Fact> facts) {
        Instant impactStarted = null, impactEnded = null, started = null, detected = null, acknowledged = null;
        Instant mitigated = null, resolved = null, reopened = null, closed = null;
        for (Fact fact : facts) {
            switch (fact.event()) {
                case IncidentOpened e -> {
                    started = e.occurredAt();
                    detected = e.detectedAt() != null ? e.detectedAt() : fact.recordedAt();
                }
                case IncidentAcknowledged e -> acknowledged = earliest(acknowledged, e.occurredAt());
                case StatusUpdated e -> acknowledged = earliest(acknowledged, e.occurredAt());
                case ImpactAssessed e -> {
                    impactStarted = e.impactStartedAt() != null ? e.impactStartedAt() : impactStarted;
                    impactEnded = e.impactEndedAt() != null ? e.impactEndedAt() : impactEnded;
                }
                case IncidentMitigated e -> mitigated = mitigated != null ? mitigated : e.occurredAt();
                case IncidentResolved e -> resolved = e.occurredAt();
                case IncidentReopened e -> {
                    reopened = e.occurredAt();
                    mitigated = null;
                    resolved = null;
                }
                case IncidentClosed e -> closed = e.occurredAt();
                default -> { }
            }
        }
        return new KeyTimes(impactStarted, impactEnded, started, detected, acknowledged, mitigated, resolved,
                reopened, closed);
    }

    /** Where every "time to ..." is measured from: when users were first affected, else when it began. */
    public Instant origin() {
        return impactStarted != null ? impactStarted : started;
    }

    private static Instant earliest(Instant known, Instant candidate) {
        return known == null || candidate.isBefore(known) ? candidate : known;
    }
}
