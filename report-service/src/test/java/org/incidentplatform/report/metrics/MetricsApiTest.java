package org.incidentplatform.report.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentplatform.report.ReportClient.get;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentMitigated;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.Severity;
import org.incidentplatform.report.IncidentStory;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three incidents in March 2011 (a period no other test uses): two SEV1 resolved in 2h and 4h,
 * one SEV3 still open.
 */
class MetricsApiTest extends ReportServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PERIOD = "from=2011-03-01&to=2011-04-01";

    private static boolean published;

    @BeforeEach
    void threeIncidents() {
        if (published) {
            return;
        }
        IncidentStory first = new IncidentStory();
        String a = first.incidentId();
        topic.awaitConsumed(GROUP_ID, first.publish(topic,
                first.next(opened(a, Severity.SEV1, List.of("metrics-api"), "2011-03-07T10:00:00Z", "2011-03-07T10:10:00Z")),
                first.next(new IncidentAcknowledged(a, at("2011-03-07T10:20:00Z"))),
                first.next(new IncidentMitigated(a, at("2011-03-07T10:40:00Z"))),
                first.next(new IncidentResolved(a, "rolled back", at("2011-03-07T12:00:00Z")))));
        IncidentStory second = new IncidentStory();
        String b = second.incidentId();
        topic.awaitConsumed(GROUP_ID, second.publish(topic,
                second.next(opened(b, Severity.SEV1, List.of("metrics-api", "metrics-db"), "2011-03-08T10:00:00Z",
                        "2011-03-08T10:30:00Z")),
                second.next(new IncidentAcknowledged(b, at("2011-03-08T11:00:00Z"))),
                second.next(new IncidentResolved(b, "failed over", at("2011-03-08T14:00:00Z")))));
        IncidentStory third = new IncidentStory();
        String c = third.incidentId();
        topic.awaitConsumed(GROUP_ID, third.publish(topic,
                third.next(opened(c, Severity.SEV3, List.of("metrics-db"), "2011-03-15T10:00:00Z", null)),
                third.next(new IncidentAcknowledged(c, at("2011-03-15T10:05:00Z")))));
        published = true;
    }

    @Test
    void countsAndStatisticsArePerSeverityWithATotal() {
        JsonNode metrics = metrics("severity");

        assertThat(metrics.path("total").path("count").asInt()).isEqualTo(3);
        JsonNode sev1 = group(metrics, "SEV1");
        assertThat(sev1.path("count").asInt()).isEqualTo(2);
        assertThat(sev1.path("timeToResolve").path("samples").asInt()).isEqualTo(2);
        assertThat(sev1.path("timeToResolve").path("mean").path("text").asString()).isEqualTo("3h00m");
        assertThat(sev1.path("timeToResolve").path("median").path("seconds").asLong()).isEqualTo(3 * 3600);
        assertThat(sev1.path("timeToResolve").path("p90").path("iso").asString()).isEqualTo("PT4H");
        assertThat(sev1.path("timeToDetect").path("mean").path("text").asString()).isEqualTo("20m");
        assertThat(sev1.path("timeToAcknowledge").path("median").path("text").asString()).isEqualTo("40m");
        assertThat(sev1.path("timeToMitigate").path("samples").asInt()).isEqualTo(1);
        JsonNode sev3 = group(metrics, "SEV3");
        assertThat(sev3.path("timeToResolve").path("samples").asInt()).as("still open").isZero();
        assertThat(sev3.path("timeToResolve").path("mean").isNull()).isTrue();
    }

    @Test
    void incidentsCountOnceInEachServiceAndInTheWeekTheyBegan() {
        JsonNode byService = metrics("service");
        assertThat(group(byService, "metrics-api").path("count").asInt()).isEqualTo(2);
        assertThat(group(byService, "metrics-db").path("count").asInt()).isEqualTo(2);

        JsonNode byWeek = metrics("week");
        assertThat(byWeek.path("groups").valueStream().map(g -> g.path("key").asString() + "=" + g.path("count").asInt()))
                .containsExactly("2011-W10=2", "2011-W11=1");
    }

    @Test
    void aBackDatedCorrectionOfTheImpactStartChangesTheMetrics() {
        IncidentStory story = new IncidentStory();
        String id = story.incidentId();
        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(opened(id, Severity.SEV2, List.of("metrics-corrected"), "2011-05-02T10:00:00Z", "2011-05-02T10:10:00Z")),
                story.next(new IncidentResolved(id, "restarted", at("2011-05-02T12:00:00Z")))));
        String may = "/api/v1/metrics?from=2011-05-01&to=2011-06-01";
        assertThat(JSON.readTree(get(http, may, null).getBody()).path("total").path("timeToResolve").path("mean")
                .path("text").asString()).isEqualTo("2h00m");

        // The post-mortem finds users were affected an hour before anyone opened the incident.
        topic.awaitConsumed(GROUP_ID, story.publish(topic, story.next(new ImpactAssessed(id, List.of(),
                null, null, null, at("2011-05-02T09:00:00Z"), null, at("2011-05-04T09:00:00Z")))));

        JsonNode total = JSON.readTree(get(http, may, null).getBody()).path("total");
        assertThat(total.path("timeToResolve").path("mean").path("text").asString()).isEqualTo("3h00m");
        assertThat(total.path("timeToDetect").path("mean").path("text").asString()).isEqualTo("1h10m");
    }

    @Test
    void badParametersAreProblemDetails() {
        for (String query : List.of("groupBy=team", "from=yesterday", "from=2011-04-01&to=2011-03-01",
                "from=1990-01-01&to=2011-01-01")) {
            ResponseEntity<String> response = get(http, "/api/v1/metrics?" + query, null);
            assertThat(response.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void theMetricsPageDrawsItsChartsWithoutScriptsOrInlineStyles() {
        ResponseEntity<String> page = get(http, "/api/v1/metrics/page?" + PERIOD, null);

        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<svg", "Incidents per week by severity", "metrics-api", "2011-W10",
                "href=\"/assets/report.css\"").doesNotContain("<script", "style=");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("style-src 'self'")
                .doesNotContain("unsafe-inline");
    }

    private JsonNode metrics(String groupBy) {
        return JSON.readTree(get(http, "/api/v1/metrics?" + PERIOD + "&groupBy=" + groupBy, null).getBody());
    }

    private static JsonNode group(JsonNode metrics, String key) {
        return metrics.path("groups").valueStream().filter(g -> g.path("key").asString().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + metrics));
    }

    private static IncidentOpened opened(String id, Severity severity, List<String> services, String at, String detected) {
        return new IncidentOpened(id, "Metrics " + severity, null, severity, services, null,
                detected == null ? null : at(detected), at(at));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
