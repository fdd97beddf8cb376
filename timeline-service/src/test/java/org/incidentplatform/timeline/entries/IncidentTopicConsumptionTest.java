package org.incidentplatform.timeline.entries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.timeline.TimelineClient.entries;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class IncidentTopicConsumptionTest extends TimelineServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String UNKNOWN_TYPE = "org.incidentplatform.incident.not-yet-invented.v1";

    @Autowired
    private MeterRegistry meters;

    @Test
    void anOpenedIncidentAppearsOnItsTimeline() {
        TestEvent opened = TestEvent.opened();

        topic.publish(opened);

        await().atMost(PATIENCE).until(() -> !entries(http, opened.incidentId()).isEmpty());
        JsonNode entry = entries(http, opened.incidentId()).get(0);
        assertThat(entry.path("eventId").asString()).isEqualTo(opened.id());
        assertThat(entry.path("incidentId").asString()).isEqualTo(opened.incidentId());
        assertThat(entry.path("incidentSequence").asLong()).isZero();
        assertThat(entry.path("kind").asString()).isEqualTo("opened");
        assertThat(entry.path("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(Instant.parse(entry.path("occurredAt").asString())).isEqualTo(Instant.parse(opened.dataField("occurredAt")));
        assertThat(Instant.parse(entry.path("recordedAt").asString())).isEqualTo(Instant.parse(opened.field("time")));
        assertThat(entry.path("actor").asString()).isEqualTo(opened.field("actor"));
        assertThat(entry.path("text").asString())
                .isEqualTo("Incident opened: " + opened.dataField("title") + " (SEV1)");
    }

    @Test
    void theSameEventDeliveredTwiceLeavesOneEntry() {
        TestEvent opened = TestEvent.opened();

        topic.publish(opened);
        RecordMetadata redelivery = topic.publish(opened);
        topic.awaitConsumed(GROUP_ID, redelivery);

        assertThat(entries(http, opened.incidentId())).hasSize(1);
    }

    @Test
    void anUnknownEventTypeIsSkippedAndCountedWhileLaterEventsStillApply() {
        double skippedBefore = unknownTypeCount();
        TestEvent later = TestEvent.opened();
        TestEvent unknown = TestEvent.opened().withType(UNKNOWN_TYPE);

        // Same key as the later event: same partition, so it must be passed before the later one.
        topic.publish(later.incidentId(), unknown.json());
        topic.publish(later);

        await().atMost(PATIENCE).until(() -> !entries(http, later.incidentId()).isEmpty());
        assertThat(unknownTypeCount()).isGreaterThan(skippedBefore);
        assertThat(entries(http, unknown.incidentId())).isEmpty();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndLaterEventsStillApply() {
        String garbage = "not json " + UUID.randomUUID();
        TestEvent later = TestEvent.opened();

        topic.publish(later.incidentId(), garbage);
        topic.publish(later);

        await().atMost(PATIENCE).until(() -> !entries(http, later.incidentId()).isEmpty());
        await().atMost(PATIENCE).until(() -> topic.deadLetterValues().contains(garbage));
    }

    private double unknownTypeCount() {
        Counter counter = meters.find("incident.events.unknown").tag("type", UNKNOWN_TYPE).counter();
        return counter == null ? 0 : counter.count();
    }
}
