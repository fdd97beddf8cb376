package org.incidentplatform.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.incidentplatform.notification.DeliveriesClient;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RoutingRulesApiTest extends NotificationServiceTest {

    private static final String RULES = "/api/v1/admin/routing-rules";

    @Test
    void anAdminsRuleChangeRoutesTheNextEventsAndIsAudited() {
        Incidents incident = Incidents.of("SEV4", "routing-test");
        Map<String, Object> rule = Map.of("description", "Public notes of routing-test to Teams",
                "eventTypes", java.util.List.of("note-added"), "services", java.util.List.of("routing-test"),
                "visibilities", java.util.List.of("PUBLIC"), "targets", java.util.List.of("teams:ops"));

        ResponseEntity<JsonNode> created = put("public-notes-to-teams", rule);
        topic.publish(incident.opened("Billing export late"));
        topic.publish(note(incident, 1, "PUBLIC", "Exports resume at noon"));
        topic.publish(note(incident, 2, "INTERNAL", "Cron host was rebooted"));
        await().atMost(Duration.ofSeconds(20)).until(() -> DeliveriesClient.allDelivered(http, incident.id(), 4));

        assertThat(created.getStatusCode().value()).isEqualTo(200);
        assertThat(teamsCardsAbout(incident.id())).isEqualTo(1);
        JsonNode change = DeliveriesClient.get(http, RULES + "/changes").getBody().path("changes").get(0);
        assertThat(change.path("action").asString()).isEqualTo("CREATED");
        assertThat(change.path("actor").asString()).isNotBlank();
        assertThat(change.path("at").asString()).isNotBlank();
        assertThat(change.path("before").isNull()).isTrue();
        assertThat(change.path("after").path("targets").get(0).asString()).isEqualTo("teams:ops");
        assertThat(DeliveriesClient.get(http, RULES).getBody().path("rules").toString()).contains("public-notes-to-teams");

        ResponseEntity<JsonNode> deleted = http.delete().uri(RULES + "/public-notes-to-teams").retrieve()
                .toEntity(JsonNode.class);
        JsonNode deletion = DeliveriesClient.get(http, RULES + "/changes").getBody().path("changes").get(0);
        assertThat(deleted.getStatusCode().value()).isEqualTo(200);
        assertThat(deletion.path("action").asString()).isEqualTo("DELETED");
        assertThat(deletion.path("before").path("id").asString()).isEqualTo("public-notes-to-teams");
        assertThat(deletion.path("after").isNull()).isTrue();
    }

    @Test
    void aRuleWithUnknownValuesIsA400ProblemDetailListingEachProblem() {
        ResponseEntity<JsonNode> response = put("bad-rule", Map.of("severities", java.util.List.of("SEV9"),
                "targets", java.util.List.of("slack:nowhere", "pager")));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("errors").toString()).contains("SEV9", "slack:nowhere", "pager");
    }

    @Test
    void aMalformedBodyIsA400AndAnUnknownRuleA404() {
        ResponseEntity<JsonNode> malformed = http.put().uri(RULES + "/x").contentType(MediaType.APPLICATION_JSON)
                .body("{not json").retrieve().onStatus(HttpStatusCode::isError, (q, r) -> { }).toEntity(JsonNode.class);
        ResponseEntity<JsonNode> unknown = http.delete().uri(RULES + "/no-such-rule").retrieve()
                .onStatus(HttpStatusCode::isError, (q, r) -> { }).toEntity(JsonNode.class);

        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongTypesAndUnprintableTextAreA400NamingTheFieldAndChangeNothing() {
        Map<String, String> bodies = Map.of(
                "description", "{\"description\": 12, \"targets\": [\"teams:ops\"]}",
                "targets[0]", "{\"description\": \"x\", \"targets\": [\"teams:\\ud800\"]}",
                "eventTypes[0]", "{\"eventTypes\": [true], \"targets\": [\"teams:ops\"]}",
                "services[0]", "{\"services\": [\"api\\u0000\"], \"targets\": [\"teams:ops\"]}");

        bodies.forEach((field, body) -> {
            ResponseEntity<JsonNode> response = http.put().uri(RULES + "/strict-rule").contentType(MediaType.APPLICATION_JSON)
                    .body(body).retrieve().onStatus(HttpStatusCode::isError, (q, r) -> { }).toEntity(JsonNode.class);
            assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().at("/errors/0/field").asString()).as(body).isEqualTo(field);
        });
        assertThat(DeliveriesClient.get(http, RULES).getBody().path("rules").toString()).doesNotContain("strict-rule");
    }

    private ResponseEntity<JsonNode> put(String id, Map<String, Object> rule) {
        return http.put().uri(RULES + "/{id}", id).contentType(MediaType.APPLICATION_JSON).body(rule).retrieve()
                .onStatus(HttpStatusCode::isError, (q, r) -> { }).toEntity(JsonNode.class);
    }

    private long teamsCardsAbout(String incidentId) {
        return receivers.calls(TEAMS_PATH).stream().filter(c -> c.body().contains(incidentId)).count();
    }

    private static org.incidentplatform.consuming.testing.TestEvent note(Incidents incident, long sequence,
            String visibility, String text) {
        JsonMapper json = JsonMapper.builder().build();
        var base = incident.statusUpdate(sequence, "INVESTIGATING", text);
        ObjectNode envelope = (ObjectNode) json.readTree(base.json());
        envelope.put("type", org.incidentplatform.events.EventTypes.NOTE_ADDED);
        ObjectNode data = (ObjectNode) envelope.get("data");
        data.removeAll();
        data.put("incidentId", incident.id()).put("noteId", "note-" + sequence).put("text", text)
                .put("visibility", visibility).put("occurredAt", "2026-11-21T10:00:00Z");
        return new org.incidentplatform.consuming.testing.TestEvent(base.id(), incident.id(), json.writeValueAsString(envelope));
    }
}
