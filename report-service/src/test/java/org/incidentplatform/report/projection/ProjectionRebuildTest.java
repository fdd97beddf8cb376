package org.incidentplatform.report.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.report.ReportClient.get;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ActionItemAdded;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.ComponentStatus;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.PostmortemUpdated;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.SeverityChanged;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.report.IncidentStory;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class ProjectionRebuildTest extends ReportServiceTest {

    private static final Instant T = Instant.parse("2026-10-05T08:00:00Z");

    @Test
    void aRebuiltProjectionServesByteIdenticalPostmortems() {
        Map<String, String> before = new LinkedHashMap<>();
        for (IncidentStory story : List.of(fullIncident(), reopenedIncident(), fullIncident())) {
            String uri = "/api/v1/incidents/" + story.incidentId() + "/postmortem?tz=America/Los_Angeles";
            before.put(uri, get(http, uri, null).getBody());
        }
        String markdownUri = before.keySet().iterator().next() + "&format=markdown";
        before.put(markdownUri, get(http, markdownUri, null).getBody());

        ResponseEntity<JsonNode> rebuild = http.post().uri("/api/v1/admin/projection/rebuild").retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { }).toEntity(JsonNode.class);

        assertThat(rebuild.getStatusCode().value()).isEqualTo(202);
        assertThat(rebuild.getBody().path("reportsCleared").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(rebuild.getBody().path("replayUntil").isObject()).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> before.forEach((uri, body) ->
                assertThat(get(http, uri, null).getBody()).as(uri).isEqualTo(body)));
    }

    @Test
    void eventsPublishedAfterARebuildAreAppliedAsUsual() {
        http.post().uri("/api/v1/admin/projection/rebuild").retrieve().toBodilessEntity();
        IncidentStory story = fullIncident();

        assertThat(get(http, "/api/v1/incidents/" + story.incidentId() + "/postmortem", null).getStatusCode().value())
                .isEqualTo(200);
    }

    private IncidentStory fullIncident() {
        IncidentStory story = new IncidentStory();
        String id = story.incidentId();
        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new IncidentOpened(id, "Metadata overwritten by a migration", "5.2% of deploys", Severity.SEV2,
                        List.of("deploys"), "alice", T.plusSeconds(300), T)),
                story.next(new IncidentAcknowledged(id, T.plusSeconds(400))),
                story.next(new SeverityChanged(id, Severity.SEV2, Severity.SEV1, "customer data", T.plusSeconds(500))),
                story.next(new StatusUpdated(id, ProgressStatus.IDENTIFIED, "Migration halted", true, T.plusSeconds(600))),
                story.next(new ImpactAssessed(id, List.of(new ComponentImpact("Deploys", ComponentStatus.MAJOR_OUTAGE)),
                        "Deploy metadata wrong", 310L, new org.incidentplatform.events.DataLoss(true, "metadata"),
                        T.minusSeconds(3600), T.plusSeconds(7200), T.plusSeconds(700))),
                story.next(new NoteAdded(id, "n1", "Backups verified", Visibility.PUBLIC, T.plusSeconds(800))),
                story.next(new IncidentResolved(id, "Metadata restored from backup", T.plusSeconds(7200))),
                story.next(new PostmortemUpdated(id, "A migration overwrote metadata", "No dry run",
                        List.of("No staging data"), List.of("Backups"), List.of("Slow detection"), List.of("Dry-run migrations"),
                        T.plusSeconds(86_400))),
                story.next(new ActionItemAdded(id, new ActionItem("ai-1", "Dry-run every migration", "bob",
                        java.time.LocalDate.parse("2026-11-01"), ActionItem.Category.PREVENTION, ActionItem.Term.SHORT,
                        ActionItem.Status.OPEN, null), T.plusSeconds(86_500)))));
        return story;
    }

    private IncidentStory reopenedIncident() {
        IncidentStory story = new IncidentStory();
        String id = story.incidentId();
        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new IncidentOpened(id, "Restart loop", null, Severity.SEV3, List.of("api"), null, null, T)),
                story.next(new IncidentResolved(id, "restarted", T.plusSeconds(600))),
                story.next(new IncidentReopened(id, "looping again", T.plusSeconds(900)))));
        return story;
    }
}
