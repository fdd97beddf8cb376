package org.incidentplatform.report.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentplatform.events.MaintenanceWindowChanged;
import org.incidentplatform.events.Topics;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maintenance windows from incident-service's maintenance topic, in summary.json as Statuspage lists them and on the page. */
class ScheduledMaintenanceTest extends ReportServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void upcomingAndRunningMaintenanceIsListedInStatuspagesShapeAndACancelledOneDisappears() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String running = "mw-" + UUID.randomUUID().toString().substring(0, 12);
        String upcoming = "mw-" + UUID.randomUUID().toString().substring(0, 12);
        publish(new MaintenanceWindowChanged(running, "Database upgrade", "Writes may pause for a minute",
                List.of("Database"), now.minusSeconds(60), now.plus(Duration.ofHours(1)), false, 1, now));
        publish(new MaintenanceWindowChanged(upcoming, "Network <b>work</b>", null, List.of("API"),
                now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)), false, 1, now));
        // An older version arriving late changes nothing.
        publish(new MaintenanceWindowChanged(running, "Stale title", null, List.of("Database"), now.minusSeconds(60),
                now.plus(Duration.ofHours(1)), false, 0, now.minusSeconds(120)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode listed = maintenance(running);
            assertThat(listed.path("name").asString()).isEqualTo("Database upgrade");
            assertThat(listed.path("status").asString()).isEqualTo("in_progress");
            assertThat(listed.path("impact").asString()).isEqualTo("maintenance");
            assertThat(listed.path("components").get(0).path("status").asString()).isEqualTo("under_maintenance");
            assertThat(listed.path("incident_updates").get(0).path("body").asString()).isEqualTo("Writes may pause for a minute");
            assertThat(maintenance(upcoming).path("status").asString()).isEqualTo("scheduled");
        });
        JsonNode listed = maintenance(running);
        assertThat(listed.propertyNames()).containsExactly("id", "name", "status", "created_at", "updated_at", "monitoring_at",
                "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components",
                "scheduled_for", "scheduled_until");
        assertThat(listed.path("scheduled_for").asString()).isEqualTo(now.minusSeconds(60).toString().replace("Z", ".000Z"));
        String page = RestClient.create("http://localhost:" + port).get().uri("/status").retrieve().body(String.class);
        assertThat(page).contains("Scheduled maintenance", "Database upgrade", "Network &lt;b&gt;work&lt;/b&gt;")
                .doesNotContain("<b>work</b>");

        publish(new MaintenanceWindowChanged(upcoming, "Network <b>work</b>", null, List.of("API"),
                now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)), true, 2, now));
        await().atMost(Duration.ofSeconds(20)).until(() -> maintenance(upcoming).isMissingNode());
    }

    private JsonNode maintenance(String id) {
        JsonNode summary = JSON.readTree(RestClient.create("http://localhost:" + port).get().uri("/status/summary.json")
                .retrieve().body(String.class));
        return summary.path("scheduled_maintenances").valueStream().filter(m -> m.path("id").asString().equals(id))
                .findFirst().orElse(JSON.missingNode());
    }

    private void publish(MaintenanceWindowChanged window) {
        topic.publishTo(Topics.MAINTENANCE_WINDOWS, window.windowId(), JSON.writeValueAsString(window), Map.of());
    }
}
