package org.incidentplatform.notification.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.notification.DeliveriesClient;
import org.incidentplatform.notification.FakeTwilio;
import org.incidentplatform.notification.NotificationServiceTest;
import org.incidentplatform.pagelinks.PageLink;
import org.incidentplatform.pagelinks.PageLinks;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A page reaches the paged person by every configured way at once (e-mail through GreenMail, a
 * Slack DM, a Twilio SMS, an ntfy push), each with an acknowledge link incident-service accepts;
 * a delayed contact is cancelled when the incident was answered before it was due.
 */
class PagingTest extends NotificationServiceTest {

    private static final Pattern LINK = Pattern.compile("https://incidents\\.example\\.test/api/v1/pages/([A-Za-z0-9_.-]+)/acknowledge");

    @Test
    void aPageGoesOutByEveryContactAtOnceWithAWorkingAcknowledgeLink() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.test";
        String phone = "+3361" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String topic = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        String slackUser = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        TestEvent page = page(contacts(
                "{\"type\":\"EMAIL\",\"address\":\"" + email + "\",\"afterMinutes\":0}",
                "{\"type\":\"SLACK\",\"address\":\"" + slackUser + "\",\"afterMinutes\":0}",
                "{\"type\":\"SMS\",\"address\":\"" + phone + "\",\"afterMinutes\":0}",
                "{\"type\":\"NTFY\",\"address\":\"" + topic + "\",\"afterMinutes\":0}"));
        Instant published = Instant.now();
        this.topic.publish(page);

        await().atMost(Duration.ofSeconds(10)).until(() -> !receivers.twilio.messagesTo(phone).isEmpty()
                && !receivers.slackMessagesTo(slackUser).isEmpty()
                && !receivers.calls(NTFY_PATH + "/" + topic).isEmpty()
                && !mailsTo(email).isEmpty());
        assertThat(Duration.between(published, Instant.now())).as("paged within 2 s").isLessThan(Duration.ofSeconds(2));

        String sms = receivers.twilio.messagesTo(phone).getFirst().form().get("Body");
        assertThat(sms).contains("You are paged for [SEV1]").contains("on call for Database primary");
        assertLinkAcknowledges(sms, page, "per-3f1b2c4d5e6f");
        assertThat(receivers.twilio.messagesTo(phone).getFirst().form().get("From")).isEqualTo(FakeTwilio.FROM);

        String dm = receivers.slackMessagesTo(slackUser).getFirst().text();
        assertThat(dm).contains("|Acknowledge>");
        assertLinkAcknowledges(dm, page, "per-3f1b2c4d5e6f");

        var push = receivers.calls(NTFY_PATH + "/" + topic).getFirst();
        assertThat(push.headers().get("priority")).isEqualTo("urgent");
        assertThat(push.headers().get("actions")).startsWith("http, Acknowledge, https://incidents.example.test/api/v1/pages/")
                .contains("method=POST");
        assertLinkAcknowledges(push.body(), page, "per-3f1b2c4d5e6f");

        assertThat(mailsTo(email).getFirst().getSubject()).startsWith("[Page] [SEV1]");

        awaitOrDump(page.incidentId(), Duration.ofSeconds(10), () -> DeliveriesClient.allDelivered(http, page.incidentId(), 4));
        assertThat(DeliveriesClient.deliveriesOf(http, page.incidentId()).valueStream()
                .filter(d -> d.path("eventId").asString().equals(page.id())).map(d -> d.path("channel").asString()))
                .containsExactlyInAnyOrder("page-email", "page-slack", "page-sms", "page-ntfy");
    }

    @Test
    void aDelayedContactIsCancelledWhenTheIncidentWasAnsweredBeforeItWasDue() {
        String phone = "+3362" + (1_000_000 + (int) (Math.random() * 8_999_999));
        // Paged three minutes ago with "SMS after 2 minutes": the SMS is due at once, unless answered.
        TestEvent answeredPage = page(contacts("{\"type\":\"SMS\",\"address\":\"" + phone + "\",\"afterMinutes\":2}"))
                .withData("occurredAt", Instant.now().minus(Duration.ofMinutes(3)).toString());
        TestEvent acknowledged = TestEvent.fromSample(EventTypes.INCIDENT_ACKNOWLEDGED)
                .forIncident(answeredPage.incidentId()).withSequence(19);
        topic.publish(acknowledged);
        topic.publish(answeredPage);

        awaitOrDump(answeredPage.incidentId(), Duration.ofSeconds(10), () -> DeliveriesClient.deliveriesOf(http,
                answeredPage.incidentId()).valueStream().anyMatch(d -> d.path("status").asString().equals("CANCELLED")));
        JsonNode cancelled = DeliveriesClient.deliveriesOf(http, answeredPage.incidentId()).valueStream()
                .filter(d -> d.path("channel").asString().equals("page-sms")).findFirst().orElseThrow();
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.toString()).contains("acknowledged before this 2-minute contact was due");
        assertThat(receivers.twilio.messagesTo(phone)).isEmpty();
    }

    private void assertLinkAcknowledges(String text, TestEvent page, String personId) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        PageLink signed = new PageLinks(TestCredentials.PAGE_LINK_SECRET).verify(link.group(1)).orElseThrow();
        assertThat(signed.incidentId()).isEqualTo(page.incidentId());
        assertThat(signed.personId()).isEqualTo(personId);
        assertThat(signed.pageId()).isEqualTo("pg-7a1c2e3f4d5b");
        assertThat(signed.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The contract's PersonPaged sample (SEV1 incident unknown here: the opening is published first) with these contacts. */
    private TestEvent page(String contactsJson) {
        TestEvent page = TestEvent.fromSample(EventTypes.PERSON_PAGED).withRawData("contacts", contactsJson);
        topic.publish(TestEvent.fromSample(EventTypes.INCIDENT_OPENED).forIncident(page.incidentId()).withSequence(0)
                .withData("severity", "SEV1"));
        return page;
    }

    private static String contacts(String... contacts) {
        return "[" + String.join(",", contacts) + "]";
    }
}
