package org.incidentplatform.report.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentplatform.report.ReportClient.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.ComponentStatus;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.report.IncidentStory;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatusPageTest extends ReportServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestClient anonymous;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void withoutCredentials() {
        anonymous = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void theSummaryUsesExactlyTheFieldNamesOfStatuspage() {
        IncidentStory story = openIncident("Search-" + UUID.randomUUID(), "Search is slow", Severity.SEV2);

        JsonNode summary = summary();

        assertThat(summary.propertyNames()).containsExactly("page", "status", "components", "incidents", "scheduled_maintenances");
        assertThat(summary.path("page").propertyNames()).containsExactly("id", "name", "url", "time_zone", "updated_at");
        assertThat(summary.path("status").propertyNames()).containsExactly("indicator", "description");
        assertThat(summary.path("components").get(0).propertyNames()).containsExactly("id", "name", "status", "created_at",
                "updated_at", "position", "description", "showcase", "start_date", "group_id", "page_id", "group",
                "only_show_if_degraded");
        JsonNode incident = incident(summary, story.incidentId());
        assertThat(incident.propertyNames()).containsExactly("id", "name", "status", "created_at", "updated_at",
                "monitoring_at", "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components");
        assertThat(incident.path("incident_updates").get(0).propertyNames()).containsExactly("id", "status", "body",
                "incident_id", "created_at", "updated_at", "display_at", "affected_components", "deliver_notifications",
                "custom_tweet", "tweet_id");
        assertThat(incident.path("impact").asString()).isEqualTo("major");
        assertThat(incident.path("status").asString()).isEqualTo("identified");
        assertThat(summary.path("scheduled_maintenances").isArray()).as("listed by ScheduledMaintenanceTest").isTrue();
    }

    @Test
    void aComponentIsInPartialOutageWhileItsIncidentIsOpenAndOperationalOnceResolved() {
        String component = "Checkout-" + UUID.randomUUID();
        IncidentStory story = openIncident(component, "Checkout errors", Severity.SEV3);

        assertThat(componentStatus(summary(), component)).isEqualTo("partial_outage");
        assertThat(summary().path("status").path("indicator").asString()).isIn("major", "critical");
        assertThat(incident(summary(), story.incidentId()).path("components").get(0).path("name").asString()).isEqualTo(component);

        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new IncidentResolved(story.incidentId(), "Rolled back the release", now.minusSeconds(60)))));

        JsonNode after = summary();
        assertThat(componentStatus(after, component)).isEqualTo("operational");
        assertThat(after.path("incidents").valueStream().map(i -> i.path("id").asString())).doesNotContain(story.incidentId());
        String page = anonymous.get().uri("/status").retrieve().body(String.class);
        assertThat(page).contains("id=\"incident-" + story.incidentId() + "\"", "This incident has been resolved.");
    }

    @Test
    void internalNotesAndInternalUpdatesNeverReachThePublic() {
        IncidentStory story = openIncident("Billing-" + UUID.randomUUID(), "Billing delayed", Severity.SEV3);
        String id = story.incidentId();
        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new NoteAdded(id, "n1", "secret: db password rotated", Visibility.INTERNAL, now.minusSeconds(50))),
                story.next(new StatusUpdated(id, ProgressStatus.MONITORING, "internal-only wording", false, now.minusSeconds(40))),
                story.next(new NoteAdded(id, "n2", "Invoices will be sent tomorrow", Visibility.PUBLIC, now.minusSeconds(30)))));

        String summary = anonymous.get().uri("/status/summary.json").retrieve().body(String.class);
        String page = anonymous.get().uri("/status").retrieve().body(String.class);
        String feed = anonymous.get().uri("/status/history.atom").retrieve().body(String.class);
        for (String published : List.of(summary, page, feed)) {
            assertThat(published).contains("Invoices will be sent tomorrow")
                    .doesNotContain("secret: db password rotated", "internal-only wording");
        }
    }

    @Test
    void theHistoryFeedIsValidAtomWithHostileTextEscaped() throws Exception {
        String title = "<script>alert(1)</script> & \u0001 \"quoted\"";
        IncidentStory story = openIncident("Feed-" + UUID.randomUUID(), title, Severity.SEV4);

        ResponseEntity<byte[]> response = anonymous.get().uri("/status/history.atom").retrieve().toEntity(byte[].class);

        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("application/atom+xml"))).isTrue();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getBody()));
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(AtomFeed.ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(root.getElementsByTagNameNS(AtomFeed.ATOM, required).getLength()).as(required).isPositive();
        }
        var entries = root.getElementsByTagNameNS(AtomFeed.ATOM, "entry");
        boolean found = false;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String entryTitle = entry.getElementsByTagNameNS(AtomFeed.ATOM, "title").item(0).getTextContent();
            assertThat(entry.getElementsByTagNameNS(AtomFeed.ATOM, "id").getLength()).isEqualTo(1);
            assertThat(entry.getElementsByTagNameNS(AtomFeed.ATOM, "updated").getLength()).isEqualTo(1);
            found |= entryTitle.startsWith("<script>alert(1)</script> &  \"quoted\"");
        }
        assertThat(found).as("the hostile title as literal text in the feed of " + story.incidentId()).isTrue();
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).doesNotContain("<script>");
    }

    @Test
    void theStatusPageNeedsNoCredentialsAndSendsAStrictContentSecurityPolicy() {
        ResponseEntity<String> page = anonymous.get().uri("/status").retrieve().toEntity(String.class);
        ResponseEntity<String> css = anonymous.get().uri("/assets/report.css").retrieve().toEntity(String.class);

        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                        + "base-uri 'none'; form-action 'none'");
        assertThat(page.getBody()).doesNotContain("<script", "style=");
        assertThat(css.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/css"))).isTrue();
        assertThat(get(anonymous, "/api/v1/metrics", null).getStatusCode().value()).as("the API still needs a key").isEqualTo(401);
    }

    /** An open incident with one public update and a component in partial outage, already projected. */
    private IncidentStory openIncident(String component, String title, Severity severity) {
        IncidentStory story = new IncidentStory();
        String id = story.incidentId();
        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new IncidentOpened(id, title, null, severity, List.of("web"), null, null, now.minusSeconds(600))),
                story.next(new StatusUpdated(id, ProgressStatus.IDENTIFIED, "We found the cause of " + title, true,
                        now.minusSeconds(300))),
                story.next(new ImpactAssessed(id, List.of(new ComponentImpact(component, ComponentStatus.PARTIAL_OUTAGE)),
                        "Some requests fail", 40L, null, now.minusSeconds(600), null, now.minusSeconds(200)))));
        return story;
    }

    private JsonNode summary() {
        return JSON.readTree(anonymous.get().uri("/status/summary.json").retrieve().body(String.class));
    }

    private static JsonNode incident(JsonNode summary, String id) {
        return summary.path("incidents").valueStream().filter(i -> i.path("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("incident " + id + " not on the page"));
    }

    private static String componentStatus(JsonNode summary, String name) {
        return summary.path("components").valueStream().filter(c -> c.path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("component " + name + " not on the page")).path("status").asString();
    }
}
