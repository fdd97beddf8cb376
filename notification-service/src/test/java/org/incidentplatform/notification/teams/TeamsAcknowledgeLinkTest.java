package org.incidentplatform.notification.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.NotificationServiceTest;
import org.incidentplatform.pagelinks.PageLink;
import org.incidentplatform.pagelinks.PageLinks;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Teams card offers Acknowledge and Resolve while the incident's state allows them: signed links incident-service accepts once. */
class TeamsAcknowledgeLinkTest extends NotificationServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTriggeredIncidentsCardCarriesAcknowledgeAndResolveLinksAnAcknowledgedOnesResolveAndAResolvedOnesNeither() {
        Incidents incident = Incidents.of("SEV1", "lifecycle");
        topic.publish(incident.opened("Card with a button"));

        await().atMost(Duration.ofSeconds(20)).until(() -> cards(incident.id()).size() == 1);
        JsonNode actions = cards(incident.id()).getFirst().path("attachments").get(0).path("content").path("actions");
        assertThat(actions.get(0).path("title").asString()).isEqualTo("Acknowledge");
        String url = actions.get(0).path("url").asString();
        assertThat(url).startsWith("https://incidents.example.test/api/v1/pages/").endsWith("/acknowledge");
        String token = url.substring(url.indexOf("/pages/") + 7, url.lastIndexOf("/acknowledge"));
        PageLink link = new PageLinks(TestCredentials.PAGE_LINK_SECRET).verify(token).orElseThrow();
        assertThat(link.incidentId()).isEqualTo(incident.id());
        assertThat(link.personId()).isEqualTo(TeamsChannel.ACTION_LINK_ACTOR);
        assertThat(link.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(link.action()).isEqualTo(PageLink.Action.ACKNOWLEDGE);
        assertThat(actions.get(1).path("title").asString()).isEqualTo("Resolve");
        PageLink resolve = linkOf(actions.get(1).path("url").asString(), "/resolve");
        assertThat(resolve.action()).isEqualTo(PageLink.Action.RESOLVE);
        assertThat(resolve.pageId()).as("its own single use").isNotEqualTo(link.pageId());
        assertThat(resolve.incidentId()).isEqualTo(incident.id());

        TestEvent acknowledged = TestEvent.fromSample(EventTypes.INCIDENT_ACKNOWLEDGED).forIncident(incident.id()).withSequence(1);
        topic.publish(acknowledged);
        await().atMost(Duration.ofSeconds(20)).until(() -> cards(incident.id()).size() == 2);
        assertThat(cards(incident.id()).get(1).path("attachments").get(0).path("content").path("actions").valueStream()
                .map(a -> a.path("title").asString())).as("acknowledged: still open").containsExactly("Resolve", "Timeline", "Post-mortem");

        topic.publish(TestEvent.fromSample(EventTypes.INCIDENT_RESOLVED).forIncident(incident.id()).withSequence(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> cards(incident.id()).size() == 3);
        assertThat(cards(incident.id()).get(2).path("attachments").get(0).path("content").path("actions").valueStream()
                .map(a -> a.path("title").asString())).containsExactly("Timeline", "Post-mortem");
    }

    private static PageLink linkOf(String url, String action) {
        assertThat(url).startsWith("https://incidents.example.test/api/v1/pages/").endsWith(action);
        String token = url.substring(url.indexOf("/pages/") + 7, url.lastIndexOf(action));
        return new PageLinks(TestCredentials.PAGE_LINK_SECRET).verify(token).orElseThrow();
    }

    private List<JsonNode> cards(String incidentId) {
        return receivers.calls(TEAMS_PATH).stream().map(c -> JSON.readTree(c.body()))
                .filter(card -> card.toString().contains(incidentId)).toList();
    }
}
