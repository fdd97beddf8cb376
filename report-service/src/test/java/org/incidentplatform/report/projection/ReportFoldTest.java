package org.incidentplatform.report.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.ComponentStatus;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.Severity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The fold as a plain function: the contract's samples and small stories, no Kafka, no MongoDB. */
class ReportFoldTest {

    private final IncidentEventReader reader = new IncidentEventReader(JsonMapper.builder().build(), new SimpleMeterRegistry());

    @Test
    void everySampleOfTheContractLandsInItsSection() {
        IncidentReport report = IncidentReport.empty("inc-2c1f0b5e-5d7c-4b7c-a5d4-0b9f3a1c2e77");
        List<ReceivedEvent> samples = EventTypes.all().stream().map(type -> reader.read(EventSamples.json(type)))
                .sorted(Comparator.comparingLong(ReceivedEvent::incidentSequence)).toList();

        samples.forEach(event -> apply(report, event));

        assertThat(report.lastAppliedSequence()).isEqualTo(org.incidentplatform.events.EventTypes.all().size() - 1);
        assertThat(report.missingSequences()).isEmpty();
        assertThat(report.title()).isEqualTo("DNS records missing after provider switch");
        assertThat(report.severity()).isEqualTo(Severity.SEV1);
        assertThat(report.severityChanges()).singleElement().satisfies(c -> assertThat(c.from()).isEqualTo(Severity.SEV2));
        assertThat(report.commander()).isEqualTo("bob");
        assertThat(report.responders()).isEmpty();
        assertThat(report.impact().customersAffected()).isEqualTo(1200L);
        assertThat(report.impact().dataLost()).isTrue();
        assertThat(report.sections().rootCause()).isEqualTo("A stale DNS failover record");
        assertThat(report.actionItems()).singleElement().satisfies(i -> assertThat(i.status().name()).isEqualTo("DONE"));
        assertThat(report.resolution()).as("cleared by the reopening").isNull();
        assertThat(report.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(report.alerts().attached()).as("the sample alert is counted, not logged").isEqualTo(1);
        assertThat(report.alerts().resolved()).isEqualTo(1);
        assertThat(report.updates()).extracting(IncidentReport.Update::kind).containsExactly(
                IncidentReport.Update.Kind.STATUS, IncidentReport.Update.Kind.NOTE,
                IncidentReport.Update.Kind.RESOLVED, IncidentReport.Update.Kind.REOPENED);
        assertThat(report.updates().get(1).isPublic()).as("the sample note is internal").isFalse();
    }

    @Test
    void eachComponentIsRememberedAtItsWorstStatusWhileTheLatestAssessmentIsKeptAsIs() {
        IncidentReport report = IncidentReport.empty("inc-worst");
        fold(report, 0, assessment(ComponentStatus.MAJOR_OUTAGE));
        fold(report, 1, assessment(ComponentStatus.DEGRADED_PERFORMANCE));

        assertThat(report.worstComponents()).containsExactly(new ComponentImpact("API", ComponentStatus.MAJOR_OUTAGE));
        assertThat(report.impact().components())
                .containsExactly(new ComponentImpact("API", ComponentStatus.DEGRADED_PERFORMANCE));
    }

    @Test
    void aGapInTheSequenceIsAppliedAndRecordedAsMissing() {
        IncidentReport report = IncidentReport.empty("inc-gap");
        fold(report, 0, assessment(ComponentStatus.PARTIAL_OUTAGE));
        fold(report, 3, assessment(ComponentStatus.MAJOR_OUTAGE));

        assertThat(report.lastAppliedSequence()).isEqualTo(3);
        assertThat(report.missingSequences()).containsExactly(1L, 2L);
    }

    private static ImpactAssessed assessment(ComponentStatus status) {
        return new ImpactAssessed("inc", List.of(new ComponentImpact("API", status)), null, null, null, null, null,
                Instant.parse("2026-11-20T10:00:00Z"));
    }

    private static void fold(IncidentReport report, long sequence, IncidentEvent event) {
        ReportFold.apply(report, new LoggedEvent("e-" + sequence, EventTypes.typeNameOf(event.getClass()), sequence,
                event.occurredAt(), event.occurredAt(), "test", "{}"), event);
    }

    private static void apply(IncidentReport report, ReceivedEvent event) {
        IncidentEvent payload = event.payload().orElseThrow();
        ReportFold.apply(report, new LoggedEvent(event.eventId(), event.type(), event.incidentSequence(),
                payload.occurredAt(), event.recordedAt(), event.actor(), "{}"), payload);
    }
}
