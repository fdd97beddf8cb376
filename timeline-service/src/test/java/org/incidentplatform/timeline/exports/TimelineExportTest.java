package org.incidentplatform.timeline.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.timeline.IncidentSamples;
import org.incidentplatform.timeline.TimelineClient;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The exports of an incident whose responders typed hostile text, end to end through Kafka. */
class TimelineExportTest extends TimelineServiceTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String LINK = "[x](javascript:alert(1))";
    private static final String FORMULA = "=HYPERLINK(\"http://evil\")";

    private IncidentSamples incident;

    @BeforeEach
    void hostileIncident() {
        incident = new IncidentSamples();
        List<TestEvent> events = List.of(
                incident.event(EventTypes.INCIDENT_OPENED, 0).withData("title", SCRIPT),
                incident.event(EventTypes.STATUS_UPDATED, 1).withData("message", LINK)
                        .withData("occurredAt", "2026-11-21T09:41:00Z"),
                incident.event(EventTypes.COMMANDER_ASSIGNED, 2).withData("commander", FORMULA),
                incident.event(EventTypes.NOTE_ADDED, 3).withData("text", "a | b\nc")
                        .withData("occurredAt", "2026-11-21T09:42:00Z"));
        events.forEach(topic::publish);
        await().atMost(Duration.ofSeconds(20)).until(() -> TimelineClient.entries(http, incident.incidentId()).size() == 4);
    }

    @Test
    void aStatusUpdateAt0941UtcReadsAs1041InParis() {
        JsonNode timeline = get("?tz=Europe/Paris", null, JsonNode.class).getBody();

        assertThat(timeline.path("timeZone").asString()).isEqualTo("Europe/Paris");
        JsonNode update = timeline.path("entries").valueStream()
                .filter(e -> e.path("kind").asString().equals("status-updated")).findFirst().orElseThrow();
        assertThat(update.path("occurredAt").asString()).isEqualTo("2026-11-21T10:41:00.000+01:00");
    }

    @Test
    void markdownNeutralisesEveryHostileText() {
        ResponseEntity<String> response = get("?format=markdown", null, String.class);
        String markdown = response.getBody();

        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/markdown"))).isTrue();
        assertThat(markdown).doesNotContain("<script", "](", "a | b")
                .contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;", "\\[x\\]\\(javascript:alert\\(1\\)\\)", "a \\| b c");
        List<String> rows = markdown.lines().filter(line -> line.startsWith("| ")).toList();
        assertThat(rows).as("header, separator and one line per entry").hasSize(6);
        assertThat(rows).allSatisfy(row -> assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count())
                .isEqualTo(6));
    }

    @Test
    void csvIsFormulaSafeAndQuoted() {
        ResponseEntity<String> response = get("", "text/csv", String.class);
        String csv = response.getBody();

        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv).startsWith("\"occurredAt\",").endsWith("\r\n")
                .contains("\"'=HYPERLINK(\"\"http://evil\"\") is now incident commander\"")
                .contains("\"Note: a | b\nc\"");
        assertThat(csv).doesNotContain(",\"=");
    }

    @Test
    void theAcceptHeaderChoosesTheFormatAndFormatOverridesIt() {
        assertThat(get("", "text/markdown", String.class).getBody()).startsWith("# Timeline of incident");
        assertThat(get("?format=json", "text/csv", String.class).getBody()).startsWith("{\"incidentId\"");
        assertThat(get("", "text/html, text/csv;q=0.5", String.class).getBody()).startsWith("\"occurredAt\"");
    }

    @Test
    void exportsAreByteForByteRepeatable() {
        for (String format : List.of("json", "markdown", "csv")) {
            String first = get("?tz=Europe/Paris&format=" + format, null, String.class).getBody();
            String second = get("?tz=Europe/Paris&format=" + format, null, String.class).getBody();
            assertThat(second).as(format).isEqualTo(first);
        }
    }

    @Test
    void thePublicViewLeavesOutInternalEntries() {
        JsonNode timeline = get("?visibility=public", null, JsonNode.class).getBody();

        assertThat(timeline.path("visibility").asString()).isEqualTo("public");
        assertThat(timeline.path("entries").valueStream().map(e -> e.path("kind").asString()))
                .containsExactly("opened", "status-updated");
    }

    @Test
    void anInvalidTimeZoneIsAProblemNamingTheParameter() {
        ResponseEntity<JsonNode> response = get("?tz=Mars/Olympus_Mons", null, JsonNode.class);

        assertProblem(response, 400);
        assertThat(response.getBody().path("parameter").asString()).isEqualTo("tz");
        assertThat(response.getBody().path("detail").asString()).contains("tz");
    }

    @Test
    void anUnknownFormatOrVisibilityIsAProblemNamingTheParameter() {
        assertThat(get("?format=pdf", null, JsonNode.class).getBody().path("parameter").asString()).isEqualTo("format");
        assertThat(get("?visibility=secret", null, JsonNode.class).getBody().path("parameter").asString())
                .isEqualTo("visibility");
    }

    @Test
    void anUnsupportedAcceptIsA406Problem() {
        assertProblem(get("", "image/png", JsonNode.class), 406);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status);
    }

    private <T> ResponseEntity<T> get(String query, String accept, Class<T> type) {
        return http.get().uri("/api/v1/incidents/" + incident.incidentId() + "/timeline" + query)
                .headers(h -> {
                    if (accept != null) {
                        h.set("Accept", accept);
                    }
                })
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(type);
    }
}
