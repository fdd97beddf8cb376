package org.incidentplatform.report.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.Topics;
import org.incidentplatform.report.ReportServiceTest;
import org.incidentplatform.consuming.testing.TestEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The projection fed directly, without Kafka in between. */
class ReportProjectionTest extends ReportServiceTest {

    @Autowired
    private IncidentEventsListener listener;

    @Autowired
    private IncidentEventReader reader;

    @Autowired
    private ReportProjection projection;

    @Test
    void everyPublishedSampleIsAppliedToItsIncidentsReport() {
        // In the order incident-service would publish them: the opening comes first.
        List<String> types = EventTypes.all().stream()
                .sorted(Comparator.comparing(type -> !type.equals(EventTypes.INCIDENT_OPENED)))
                .toList();
        for (String type : types) {
            listener.on(new ConsumerRecord<>(Topics.INCIDENT_EVENTS, 0, 0, "key", EventSamples.json(type)));
        }

        for (String type : types) {
            String sample = EventSamples.json(type);
            String incidentId = JsonMapper.builder().build().readTree(sample).path("subject").asString();
            assertThat(projection.reportOf(incidentId)).as("report after the %s sample", type).isPresent();
        }
    }

    @Test
    void anOpeningIsRecordedAsTheFirstAppliedSequence() {
        TestEvent opened = TestEvent.opened().withData("title", "Failover IP died");

        projection.on(reader.read(opened.json()));

        IncidentReport report = projection.reportOf(opened.incidentId()).orElseThrow();
        assertThat(report.lastAppliedSequence()).isZero();
        assertThat(report.title()).isEqualTo("Failover IP died");
        assertThat(report.summary()).isEqualTo(opened.dataField("summary"));
    }

    @Test
    void aSecondOpeningAtTheSameSequenceChangesNothing() {
        TestEvent first = TestEvent.opened().withData("title", "Failover IP died");
        TestEvent second = first.withFreshId().withData("title", "Something else entirely");

        projection.on(reader.read(first.json()));
        projection.on(reader.read(second.json()));

        assertThat(projection.reportOf(first.incidentId()).orElseThrow().title()).isEqualTo("Failover IP died");
    }
}
