package org.incidentplatform.notification.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.Topics;
import org.incidentplatform.notification.FakeReceivers.Call;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.NotificationServiceTest;
import org.incidentplatform.notification.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * The trace that incident-service writes into the record's {@code traceparent} header goes on
 * through the queued delivery: the webhook request, the Slack Web API call and the delivery event
 * carry the same trace id, each from a span of this service.
 */
class TraceContextTest extends NotificationServiceTest {

    @Test
    void aWebhookDeliveryASlackMessageAndTheDeliveryEventContinueTheConsumedRecordsTrace() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpanId = "b7ad6b7169203331";
        Incidents incident = Incidents.of("SEV2", "lifecycle");
        TestEvent opened = incident.opened("Traced from webhook to notification");

        topic.publish(opened.incidentId(), opened.json(),
                Map.of("traceparent", "00-" + traceId + "-" + producerSpanId + "-01"));

        await().atMost(Duration.ofSeconds(20)).until(() -> webhookCallOf(opened) != null);
        String[] sent = webhookCallOf(opened).headers().get("traceparent").split("-");
        assertThat(sent[1]).as("trace id of the webhook request").isEqualTo(traceId);
        assertThat(sent[2]).as("span id").isNotEqualTo(producerSpanId);

        await().atMost(Duration.ofSeconds(20)).until(() -> !receivers.slackMessages(opened.incidentId()).isEmpty());
        String slack = receivers.slackMessages(opened.incidentId()).getFirst().traceparent();
        assertThat(slack).as("traceparent of the Slack Web API call").startsWith("00-" + traceId + "-");

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryEventOf(opened, "webhook") != null);
        ConsumerRecord<String, String> deliveryEvent = deliveryEventOf(opened, "webhook");
        Header header = deliveryEvent.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of the delivery event").isNotNull();
        assertThat(new String(header.value(), StandardCharsets.US_ASCII).split("-")[1]).isEqualTo(traceId);
        assertThat(deliveryEvent.value()).contains("\"traceparent\":\"00-" + traceId + "-");
    }

    private static Call webhookCallOf(TestEvent event) {
        List<Call> calls = receivers.calls(WEBHOOK_PATH).stream().filter(c -> c.body().contains(event.id())).toList();
        return calls.isEmpty() ? null : calls.getFirst();
    }

    private static ConsumerRecord<String, String> deliveryEventOf(TestEvent event, String channel) {
        return TopicReader.records(Topics.DELIVERY_EVENTS).stream()
                .filter(r -> r.key().equals(event.incidentId()) && r.value().contains(event.id() + ":" + channel))
                .findFirst().orElse(null);
    }
}
