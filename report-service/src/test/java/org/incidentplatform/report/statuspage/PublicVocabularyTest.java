package org.incidentplatform.report.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.events.ComponentStatus;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.Severity;
import org.junit.jupiter.api.Test;

class PublicVocabularyTest {

    @Test
    void incidentStatusesAreSaidInStatuspageWords() {
        assertThat(PublicVocabulary.incident(IncidentStatus.TRIGGERED)).isEqualTo("investigating");
        assertThat(PublicVocabulary.incident(IncidentStatus.ACKNOWLEDGED)).isEqualTo("investigating");
        assertThat(PublicVocabulary.incident(IncidentStatus.IDENTIFIED)).isEqualTo("identified");
        assertThat(PublicVocabulary.incident(IncidentStatus.MONITORING)).isEqualTo("monitoring");
        assertThat(PublicVocabulary.incident(IncidentStatus.RESOLVED)).isEqualTo("resolved");
        assertThat(PublicVocabulary.incident(IncidentStatus.CLOSED)).isEqualTo("postmortem");
    }

    @Test
    void severityGivesTheImpactAndComponentsGiveTheIndicator() {
        assertThat(PublicVocabulary.impact(Severity.SEV1)).isEqualTo("critical");
        assertThat(PublicVocabulary.impact(Severity.SEV4)).isEqualTo("none");
        assertThat(PublicVocabulary.indicator(PublicVocabulary.indicatorRank(ComponentStatus.PARTIAL_OUTAGE))).isEqualTo("major");
        assertThat(PublicVocabulary.indicator(PublicVocabulary.indicatorRank(ComponentStatus.OPERATIONAL))).isEqualTo("none");
        assertThat(PublicVocabulary.description("none")).isEqualTo("All Systems Operational");
        assertThat(PublicVocabulary.component(ComponentStatus.DEGRADED_PERFORMANCE)).isEqualTo("degraded_performance");
    }
}
