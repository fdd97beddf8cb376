package org.incidentplatform.report.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.report.ReportClient.existingPostmortem;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.incidentplatform.report.ReportServiceTest;
import org.incidentplatform.consuming.testing.TestEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import tools.jackson.databind.JsonNode;

class IncidentTopicConsumptionTest extends ReportServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String UNKNOWN_TYPE = "org.incidentplatform.incident.not-yet-invented.v1";

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private MongoOperations mongo;

    @Test
    void anOpenedIncidentGetsAPostmortemWithItsSummary() {
        TestEvent opened = TestEvent.opened();

        topic.publish(opened);

        await().atMost(PATIENCE).until(() -> existingPostmortem(http, opened.incidentId()).isPresent());
        JsonNode postmortem = existingPostmortem(http, opened.incidentId()).orElseThrow();
        assertThat(postmortem.path("incidentId").asString()).isEqualTo(opened.incidentId());
        assertThat(postmortem.path("title").asString()).isEqualTo(opened.dataField("title"));
        assertThat(postmortem.path("severity").asString()).isEqualTo("SEV1");
        assertThat(postmortem.path("services").valueStream().map(JsonNode::asString)).containsExactly("api", "workers");
        assertThat(postmortem.path("keyTimes").path("started").asString()).isEqualTo(opened.dataField("occurredAt"));
        assertThat(postmortem.path("summary").asString()).isEqualTo(opened.dataField("summary"));
    }

    @Test
    void theSameEventDeliveredTwiceLeavesOneUnchangedReport() {
        TestEvent opened = TestEvent.opened();

        topic.publish(opened);
        RecordMetadata redelivery = topic.publish(opened);
        topic.awaitConsumed(GROUP_ID, redelivery);

        assertThat(mongo.count(query(where("_id").is(opened.incidentId())), IncidentReport.class)).isOne();
        assertThat(existingPostmortem(http, opened.incidentId()).orElseThrow().path("title").asString())
                .isEqualTo(opened.dataField("title"));
    }

    @Test
    void anEventAtAnAlreadyAppliedSequenceChangesNothing() {
        TestEvent opened = TestEvent.opened();
        // A different event id at the same position in the incident's history, as a replay
        // from a restored producer could publish it.
        TestEvent replayed = opened.withFreshId().withData("title", "Overwritten by a replay");

        topic.publish(opened);
        topic.awaitConsumed(GROUP_ID, topic.publish(replayed));

        assertThat(existingPostmortem(http, opened.incidentId()).orElseThrow().path("title").asString())
                .isEqualTo(opened.dataField("title"));
    }

    @Test
    void anUnknownEventTypeIsSkippedAndCountedWhileLaterEventsStillApply() {
        double skippedBefore = unknownTypeCount();
        TestEvent later = TestEvent.opened();
        TestEvent unknown = TestEvent.opened().withType(UNKNOWN_TYPE);

        // Same key as the later event: same partition, so it must be passed before the later one.
        topic.publish(later.incidentId(), unknown.json());
        topic.publish(later);

        await().atMost(PATIENCE).until(() -> existingPostmortem(http, later.incidentId()).isPresent());
        assertThat(unknownTypeCount()).isGreaterThan(skippedBefore);
        assertThat(existingPostmortem(http, unknown.incidentId())).isEmpty();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndLaterEventsStillApply() {
        String garbage = "not json " + UUID.randomUUID();
        TestEvent later = TestEvent.opened();

        topic.publish(later.incidentId(), garbage);
        topic.publish(later);

        await().atMost(PATIENCE).until(() -> existingPostmortem(http, later.incidentId()).isPresent());
        await().atMost(PATIENCE).until(() -> topic.deadLetterValues().contains(garbage));
    }

    private double unknownTypeCount() {
        Counter counter = meters.find("incident.events.unknown").tag("type", UNKNOWN_TYPE).counter();
        return counter == null ? 0 : counter.count();
    }
}
