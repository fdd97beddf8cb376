package org.incidentplatform.report.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentplatform.events.EscalationStarted;
import org.incidentplatform.events.EscalationStopped;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.Topics;
import org.incidentplatform.report.IncidentStory;
import org.incidentplatform.report.ReportClient;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The post-mortem says who was paged, whether each page reached them, and who acknowledged. */
class PagesInPostmortemTest extends ReportServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void eachPageItsDeliveriesAndTheAcknowledgementByNameAreInThePostmortem() {
        IncidentStory story = new IncidentStory();
        String id = story.incidentId();
        Instant t0 = Instant.parse("2026-12-06T03:00:00Z");
        PersonPaged page = new PersonPaged(id, "pg-1", 1, 1, "per-ada", "Ada Lovelace", "on call for Database primary",
                List.of(new PersonPaged.Contact("SMS", "+33611111111", 0), new PersonPaged.Contact("EMAIL", "ada@example.test", 0)),
                t0.plusSeconds(1));
        story.publish(topic,
                story.next(new IncidentOpened(id, "Database down", null, Severity.SEV1, List.of("db"), null, null, t0)),
                story.next(new EscalationStarted(id, "esc-1", "Database", 1, 1, t0.plusSeconds(1))),
                story.next(page),
                story.next(new IncidentAcknowledged(id, t0.plusSeconds(60)), t0.plusSeconds(60),
                        "Ada Lovelace (per-ada) via page link"),
                story.next(new EscalationStopped(id, "ACKNOWLEDGED", t0.plusSeconds(60))));
        publishDelivery(id, 2, "page-sms", "+33611111111", t0.plusSeconds(2), true);
        publishDelivery(id, 2, "page-email", "ada@example.test", t0.plusSeconds(3), false);
        publishDelivery(id, 0, "slack", "#ops", t0.plusSeconds(2), true); // a channel message: not a page

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode timeline = ReportClient.postmortem(http, id).getBody().path("timeline");
            List<String> texts = timeline.valueStream().map(e -> e.path("text").asString()).toList();
            assertThat(texts).containsSubsequence(
                    "Escalation started: policy Database",
                    "Paged Ada Lovelace (on call for Database primary) by SMS, e-mail",
                    "Page by SMS to +33611111111 delivered",
                    "Page by e-mail to ada@example.test failed (attempt 1): SMTP 550 mailbox unavailable; will retry",
                    "Acknowledged by Ada Lovelace (per-ada) via page link",
                    "Escalation stopped: acknowledged");
            assertThat(texts).noneMatch(text -> text.contains("#ops"));
        });
    }

    private void publishDelivery(String incidentId, long sequence, String channel, String target, Instant at, boolean delivered) {
        String type = delivered ? "delivered" : "failed";
        ObjectNode data = JSON.createObjectNode().put("deliveryId", "e:" + channel + ":" + target).put("incidentId", incidentId)
                .put("incidentEventId", "e").put("channel", channel).put("target", target).put("attempt", 1)
                .put("latencyMillis", 12).put("occurredAt", at.toString());
        if (delivered) {
            data.put("responseCode", 201);
        } else {
            data.put("error", "SMTP 550 mailbox unavailable").put("willRetry", true).put("deadLettered", false);
        }
        ObjectNode envelope = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/notification-service").put("type", "org.incidentplatform.notification." + type + ".v1")
                .put("subject", incidentId).put("time", at.toString()).put("datacontenttype", "application/json")
                .put("incidentsequence", sequence).put("actor", "notification-service");
        envelope.set("data", data);
        topic.publishTo(Topics.DELIVERY_EVENTS, incidentId, JSON.writeValueAsString(envelope), Map.of());
    }
}
