package org.incidentplatform.notification.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.notification.FakeReceivers.SlackEdit;
import org.incidentplatform.notification.FakeReceivers.SlackMessage;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;

/**
 * An incident's Slack message carries the buttons incident-service's Slack app answers, and after
 * someone acts it is edited in place: the new state, who did it, and only the buttons that still apply.
 */
class SlackMessageButtonsTest extends NotificationServiceTest {

    private static final String SERGEI = "Sergei Ivanov (per-5e4f) via Slack";

    @Test
    void theMessageCarriesTheActionButtonsAndAfterAnAcknowledgementShowsWhoDidItWithoutAcknowledge() {
        Incidents incident = Incidents.of("SEV1", "lifecycle");
        topic.publish(incident.opened("Checkout errors"));
        SlackMessage parent = await().atMost(Duration.ofSeconds(20)).until(() -> receivers.slackMessages(incident.id())
                .stream().filter(m -> !m.isReply()).findFirst().orElse(null), m -> m != null);
        assertThat(parent.blocks()).contains("\"action_id\":\"incident.acknowledge\"", "\"action_id\":\"incident.resolve\"",
                "\"action_id\":\"incident.update\"", "\"action_id\":\"incident.page\"", "\"value\":\"" + incident.id() + "\"");

        TestEvent acknowledged = TestEvent.fromSample(EventTypes.INCIDENT_ACKNOWLEDGED).forIncident(incident.id()).withSequence(1);
        assertThat(acknowledged.json()).contains("\"actor\":\"apikey:demo\"");
        topic.publish(new TestEvent(acknowledged.id(), acknowledged.incidentId(),
                acknowledged.json().replace("\"actor\":\"apikey:demo\"", "\"actor\":\"" + SERGEI + "\"")));

        List<SlackEdit> edits = await().atMost(Duration.ofSeconds(20)).until(
                () -> receivers.slackEdits(parent.channel(), parent.ts()),
                list -> list.stream().anyMatch(e -> e.blocks().contains("Acknowledged by " + SERGEI)));
        SlackEdit edited = edits.stream().filter(e -> e.blocks().contains("Acknowledged by " + SERGEI)).findFirst().orElseThrow();
        assertThat(edited.blocks()).contains("Latest: Acknowledged by " + SERGEI, "ACKNOWLEDGED",
                "\"action_id\":\"incident.resolve\"", "\"action_id\":\"incident.update\"")
                .doesNotContain("\"action_id\":\"incident.acknowledge\"");
    }
}
