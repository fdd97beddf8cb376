package org.incidentplatform.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.notification.DeliveriesClient.allDelivered;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.notification.FakeReceivers.Call;
import org.incidentplatform.notification.FakeReceivers.SlackMessage;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.Mailbox;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** MUST SHOW 1: a SEV1 incident from opened to closed, on every channel. */
class Sev1LifecycleTest extends NotificationServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TITLE = "DNS <b>records</b> missing & more";
    private static final List<String> ESCALATION = List.of(EventTypes.ESCALATION_STARTED,
            EventTypes.ESCALATION_STEP_REACHED, EventTypes.PERSON_PAGED, EventTypes.ESCALATION_STOPPED);
    private static final int TARGETS = 5; // slack:ops, email:oncall, teams:ops, webhook:audit, log:default

    @Test
    void aSev1LifecycleGivesOneSlackThreadOneMailThreadACardPerUpdateAndSignedWebhooks() throws Exception {
        Incidents incident = Incidents.of("SEV1", "lifecycle");
        // Pages go to people, not to these targets; PagingTest covers them.
        List<TestEvent> lifecycle = incident.wholeLifecycle(TITLE).stream()
                .filter(event -> ESCALATION.stream().noneMatch(type -> event.json().contains("\"type\":\"" + type + "\"")))
                .toList();

        topic.publish(lifecycle.getFirst());
        await().atMost(Duration.ofSeconds(20)).until(() -> receivers.slackMessages(incident.id()).size() == 1
                && Mailbox.about(smtp, "oncall@example.test", incident.id()).size() == 1);
        lifecycle.subList(1, lifecycle.size()).forEach(topic::publish);
        // Rules without eventTypes tell of the incident, not of each alert attached to or resolved on it.
        List<TestEvent> routed = lifecycle.stream()
                .filter(event -> !event.json().contains("\"type\":\"" + EventTypes.ALERT_ATTACHED + "\"")
                        && !event.json().contains("\"type\":\"" + EventTypes.ALERT_RESOLVED + "\""))
                .toList();
        assertThat(routed).hasSize(lifecycle.size() - 2);
        awaitOrDump(incident.id(), Duration.ofSeconds(30),
                () -> allDelivered(http, incident.id(), routed.size() * TARGETS));

        assertOneSlackThread(incident.id());
        assertOneMailThread(incident.id());
        assertACardPerUpdate(incident.id(), routed.size());
        assertSignedWebhookPerEvent(incident.id(), routed);
    }

    private void assertOneSlackThread(String incidentId) {
        List<SlackMessage> messages = receivers.slackMessages(incidentId);
        List<SlackMessage> parents = messages.stream().filter(m -> !m.isReply()).toList();
        assertThat(parents).hasSize(1);
        SlackMessage parent = parents.getFirst();
        List<SlackMessage> replies = messages.stream().filter(SlackMessage::isReply).toList();
        assertThat(replies).isNotEmpty().allSatisfy(r -> assertThat(r.threadTs()).isEqualTo(parent.ts()));
        assertThat(replies.stream().map(r -> r.about("delivery_id")).distinct()).hasSameSizeAs(replies);
        assertThat(replies).anySatisfy(r -> assertThat(r.blocks()).contains("Closed: post-mortem complete"));
        assertThat(replies.getLast().blocks()).contains("Now CLOSED, SEV1");
        // The parent is edited to show the current state; people's words arrive as plain text.
        var edits = receivers.slackEdits("C-OPS", parent.ts());
        assertThat(edits).isNotEmpty();
        assertThat(edits.getLast().blocks()).contains("Status: CLOSED", "Severity: SEV1", "\"plain_text\"");
        assertThat(parent.blocks()).contains("/api/v1/incidents/" + incidentId + "/timeline",
                "/api/v1/incidents/" + incidentId + "/postmortem");
    }

    private void assertOneMailThread(String incidentId) {
        List<MimeMessage> mails = Mailbox.about(smtp, "oncall@example.test", incidentId);
        String root = "<incident-" + incidentId + "@incident-platform>";
        assertThat(mails).hasSizeGreaterThanOrEqualTo(2);
        List<MimeMessage> roots = mails.stream().filter(m -> Mailbox.header(m, "Message-ID").equals(root)).toList();
        assertThat(roots).hasSize(1);
        assertThat(Mailbox.header(roots.getFirst(), "In-Reply-To")).isEmpty();
        assertThat(mails.stream().filter(m -> m != roots.getFirst())).allSatisfy(reply -> {
            assertThat(Mailbox.header(reply, "In-Reply-To")).isEqualTo(root);
            assertThat(Mailbox.header(reply, "References")).isEqualTo(root);
            assertThat(Mailbox.header(reply, "Message-ID")).isNotEqualTo(root);
        });
        String html = Mailbox.part(roots.getFirst(), "text/html");
        assertThat(html).contains("DNS &lt;b&gt;records&lt;/b&gt; missing &amp; more").doesNotContain("<b>records");
        assertThat(Mailbox.part(roots.getFirst(), "text/plain")).contains(TITLE);
    }

    private void assertACardPerUpdate(String incidentId, int updates) {
        List<JsonNode> cards = receivers.calls(TEAMS_PATH).stream().map(c -> JSON.readTree(c.body()))
                .filter(card -> card.toString().contains(incidentId)).toList();
        assertThat(cards).hasSize(updates).allSatisfy(card -> {
            assertThat(card.path("type").asString()).isEqualTo("message");
            assertThat(card.path("attachments").get(0).path("contentType").asString())
                    .isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(card.path("attachments").get(0).path("content").path("type").asString()).isEqualTo("AdaptiveCard");
        });
    }

    private void assertSignedWebhookPerEvent(String incidentId, List<TestEvent> lifecycle) throws Exception {
        List<Call> calls = receivers.calls(WEBHOOK_PATH).stream()
                .filter(c -> JSON.readTree(c.body()).path("subject").asString().equals(incidentId)).toList();
        assertThat(calls.stream().map(c -> JSON.readTree(c.body()).path("id").asString()))
                .containsExactlyElementsOf(lifecycle.stream().map(TestEvent::id).toList());
        for (Call call : calls) {
            String expected = "v1=" + hmacHex(call.headers().get("x-incident-timestamp") + "." + call.body());
            assertThat(call.headers().get("x-incident-signature")).isEqualTo(expected);
            assertThat(call.headers().get("x-incident-delivery"))
                    .isEqualTo(JSON.readTree(call.body()).path("id").asString() + ":webhook:audit");
        }
    }

    /** Verification as a receiver would write it, independent of the service's own signing code. */
    private static String hmacHex(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
