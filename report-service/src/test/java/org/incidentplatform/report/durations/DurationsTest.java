package org.incidentplatform.report.durations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.events.IncidentMitigated;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.report.projection.Fact;
import org.junit.jupiter.api.Test;

/** Key times and durations as plain functions of an event log. */
class DurationsTest {

    private static final String ID = "inc-durations";

    private final List<Fact> log = new ArrayList<>();

    @Test
    void anImpactFrom0049WithFirstResponseAt1534AndResolutionAt1619Reports15h30mDowntimeAnd14h45mToRespond() {
        happened(opened("2026-11-20T15:30:00Z", "2026-11-20T15:30:00Z"));
        happened(impact("2026-11-20T00:49:00Z", null, "2026-11-20T15:40:00Z"));
        happened(new IncidentAcknowledged(ID, at("2026-11-20T15:34:00Z")));
        happened(new IncidentResolved(ID, "DNS record restored", at("2026-11-20T16:19:00Z")));

        Durations durations = Durations.of(KeyTimes.of(log));

        assertThat(DurationText.of(durations.totalDowntime())).isEqualTo("15h30m");
        assertThat(DurationText.of(durations.timeToAcknowledge())).isEqualTo("14h45m");
        assertThat(durations.totalDowntime()).isEqualTo(Duration.ofMinutes(15 * 60 + 30));
        assertThat(durations.timeToResolve()).isEqualTo(durations.totalDowntime());
        assertThat(durations.impact()).as("no impact end assessed").isNull();
    }

    @Test
    void aBackDatedStatusUpdateRecordedLaterCountsAsTheFirstResponse() {
        happened(opened("2026-11-20T10:00:00Z", null));
        happened(new IncidentAcknowledged(ID, at("2026-11-20T10:30:00Z")));
        happened(new StatusUpdated(ID, ProgressStatus.INVESTIGATING, "Looking", false, at("2026-11-20T10:05:00Z")));

        assertThat(KeyTimes.of(log).acknowledged()).isEqualTo(at("2026-11-20T10:05:00Z"));
        assertThat(Durations.of(KeyTimes.of(log)).timeToAcknowledge()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aReopeningClearsMitigationAndResolutionUntilTheIncidentIsResolvedAgain() {
        happened(opened("2026-11-20T10:00:00Z", null));
        happened(new IncidentMitigated(ID, at("2026-11-20T10:20:00Z")));
        happened(new IncidentResolved(ID, "restarted", at("2026-11-20T11:00:00Z")));
        happened(new IncidentReopened(ID, "errors again", at("2026-11-20T11:30:00Z")));

        assertThat(KeyTimes.of(log).resolved()).isNull();
        assertThat(KeyTimes.of(log).mitigated()).isNull();

        happened(new IncidentResolved(ID, "fixed for real", at("2026-11-20T13:00:00Z")));
        assertThat(Durations.of(KeyTimes.of(log)).timeToResolve()).isEqualTo(Duration.ofHours(3));
        assertThat(KeyTimes.of(log).reopened()).isEqualTo(at("2026-11-20T11:30:00Z"));
    }

    @Test
    void anAssessmentThatLeavesImpactTimesOutKeepsWhatAnEarlierOneSaid() {
        happened(opened("2026-11-20T10:00:00Z", null));
        happened(impact("2026-11-20T09:00:00Z", "2026-11-20T09:45:00Z", "2026-11-20T10:10:00Z"));
        happened(impact(null, null, "2026-11-20T10:20:00Z"));

        Durations durations = Durations.of(KeyTimes.of(log));
        assertThat(durations.impact()).isEqualTo(Duration.ofMinutes(45));
        assertThat(durations.detectionDelay()).as("detected when the opening was recorded").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void customerImpactEndsAtMitigationWhileNoImpactEndIsAssessed() {
        happened(opened("2026-11-20T10:00:00Z", null));
        happened(new IncidentMitigated(ID, at("2026-11-20T10:40:00Z")));
        happened(new IncidentResolved(ID, "fixed", at("2026-11-20T12:00:00Z")));

        Durations durations = Durations.of(KeyTimes.of(log));
        assertThat(durations.customerImpact()).isEqualTo(Duration.ofMinutes(40));
        assertThat(durations.totalDowntime()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThemInPostmortems() {
        assertThat(DurationText.of(Duration.ofMinutes(930))).isEqualTo("15h30m");
        assertThat(DurationText.of(Duration.ofMinutes(125))).isEqualTo("2h05m");
        assertThat(DurationText.of(Duration.ofMinutes(45))).isEqualTo("45m");
        assertThat(DurationText.of(Duration.ofSeconds(40))).isEqualTo("40s");
        assertThat(DurationText.of(Duration.ofMinutes(-90))).isEqualTo("-1h30m");
        assertThat(DurationValue.of(Duration.ofMinutes(930))).isEqualTo(new DurationValue("PT15H30M", 55800, "15h30m"));
    }

    private void happened(IncidentEvent event) {
        // Recorded when it happened, except the opening, which is recorded at its detection.
        log.add(new Fact(log.size(), event.occurredAt(), event));
    }

    private static IncidentOpened opened(String occurredAt, String detectedAt) {
        return new IncidentOpened(ID, "DNS records missing", null, Severity.SEV1, List.of("api"), null,
                detectedAt == null ? null : at(detectedAt), at(occurredAt));
    }

    private static ImpactAssessed impact(String started, String ended, String assessedAt) {
        return new ImpactAssessed(ID, List.of(), null, null, null, started == null ? null : at(started),
                ended == null ? null : at(ended), at(assessedAt));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
