package org.incidentplatform.report.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentplatform.report.ReportClient.get;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.report.IncidentStory;
import org.incidentplatform.report.ReportClient;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PostmortemApiTest extends ReportServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anImpactFrom0049WithFirstResponseAt1534AndResolutionAt1619Reports15h30mDowntimeAnd14h45mToRespond() {
        IncidentStory story = new IncidentStory();
        String id = story.incidentId();
        // Opened when someone finally noticed, with the impact start back-dated by the assessment.
        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new IncidentOpened(id, "Workers lost the manager hostname", null, Severity.SEV1,
                        List.of("workers"), "alice", at("2026-11-19T15:30:00Z"), at("2026-11-19T15:30:00Z"))),
                story.next(new ImpactAssessed(id, List.of(), "Jobs not processed", null, null,
                        at("2026-11-19T00:49:00Z"), null, at("2026-11-19T15:33:00Z"))),
                story.next(new IncidentAcknowledged(id, at("2026-11-19T15:34:00Z"))),
                story.next(new IncidentResolved(id, "DNS record restored", at("2026-11-19T16:19:00Z")))));

        ResponseEntity<JsonNode> response = ReportClient.postmortem(http, id);
        // Four events (sequences 0 to 3): the document reflects incident version 3, as incident-service's ETag says.
        assertThat(response.getHeaders().getFirst("Incident-Version")).isEqualTo("3");
        JsonNode durations = response.getBody().path("durations");
        assertThat(durations.path("totalDowntime").path("text").asString()).isEqualTo("15h30m");
        assertThat(durations.path("totalDowntime").path("iso").asString()).isEqualTo("PT15H30M");
        assertThat(durations.path("totalDowntime").path("seconds").asLong()).isEqualTo(55_800);
        assertThat(durations.path("timeToAcknowledge").path("text").asString()).isEqualTo("14h45m");
        assertThat(durations.path("timeToAcknowledge").path("seconds").asLong()).isEqualTo(53_100);
        assertThat(body(id, "markdown")).contains("- Total downtime: 15h30m", "- Time to respond (acknowledge): 14h45m");
        assertThat(body(id, "html")).contains("<dt>Total downtime</dt><dd>15h30m</dd>",
                "<dt>Time to respond (acknowledge)</dt><dd>14h45m</dd>");
    }

    @Test
    void theTimelineFollowsWhenFactsHappenedAndIsShownInTheRequestedZone() {
        IncidentStory story = new IncidentStory();
        String id = story.incidentId();
        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new IncidentOpened(id, "Router failure", null, Severity.SEV2, List.of("api"), null, null,
                        at("2026-11-19T10:00:00Z"))),
                story.next(new StatusUpdated(id, ProgressStatus.IDENTIFIED, "Router replaced", true, at("2026-11-19T11:00:00Z"))),
                // Written up the next day about something that happened before the update.
                story.next(new NoteAdded(id, "n1", "Failover DNS was stale", Visibility.INTERNAL, at("2026-11-19T10:30:00Z")),
                        at("2026-11-20T09:00:00Z"))));

        JsonNode postmortem = JSON.readTree(get(http, "/api/v1/incidents/" + id + "/postmortem?tz=Europe/Paris", null).getBody());

        assertThat(postmortem.path("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(postmortem.path("timeline").valueStream().map(e -> e.path("kind").asString()))
                .containsExactly("opened", "note", "status-update");
        assertThat(postmortem.path("timeline").get(1).path("at").asString()).isEqualTo("2026-11-19T11:30:00+01:00");
        assertThat(postmortem.path("statusUpdates").valueStream().map(u -> u.path("message").asString()))
                .as("only public updates are listed as published").containsExactly("Router replaced");
        assertThat(get(http, "/api/v1/incidents/" + id + "/postmortem?format=markdown&tz=Europe/Paris", null).getBody())
                .contains("| 2026-11-19 11:30 +01:00 | Failover DNS was stale | internal |");
    }

    @Test
    void theAcceptHeaderChoosesTheFormatAndTheFormatParameterOverridesIt() {
        String id = openedIncident();

        assertThat(get(http, path(id), "text/markdown").getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/markdown"))).isTrue();
        assertThat(get(http, path(id), "text/html,application/xhtml+xml,*/*;q=0.8").getHeaders().getContentType()
                .isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(get(http, path(id) + "?format=json", "text/html").getHeaders().getContentType()
                .isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(get(http, path(id), null).getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    }

    @Test
    void anUnknownFormatOrTimeZoneIsA400ProblemAndAnUnservableAcceptA406() {
        String id = openedIncident();

        assertProblem(get(http, path(id) + "?format=pdf", null), 400, "format");
        assertProblem(get(http, path(id) + "?tz=Mars/Olympus", null), 400, "time zone");
        assertProblem(get(http, path(id), "image/png"), 406, "text/markdown");
    }

    @Test
    void anUnknownIncidentIsA404ProblemDetail() {
        ResponseEntity<JsonNode> response = ReportClient.postmortem(http, "inc-never-opened");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(404);
        assertThat(response.getBody().path("detail").asString()).contains("inc-never-opened");
    }

    @Test
    void anOverlongIncidentIdIsRejectedAsABadRequest() {
        ResponseEntity<JsonNode> response = ReportClient.postmortem(http, "x".repeat(201));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String openedIncident() {
        IncidentStory story = new IncidentStory();
        topic.awaitConsumed(GROUP_ID, story.publish(topic, story.next(new IncidentOpened(story.incidentId(), "Formats",
                null, Severity.SEV4, List.of(), null, null, at("2026-11-19T10:00:00Z")))));
        return story.incidentId();
    }

    private String body(String id, String format) {
        return get(http, path(id) + "?format=" + format, null).getBody();
    }

    private static String path(String id) {
        return "/api/v1/incidents/" + id + "/postmortem";
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String detailMentions) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JSON.readTree(response.getBody()).path("detail").asString()).contains(detailMentions);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
