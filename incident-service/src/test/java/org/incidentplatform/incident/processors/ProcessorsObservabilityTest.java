package org.incidentplatform.incident.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The publisher's and the alert linker's state as operators see it: the "publishing" health
 * group and the lag gauges on /actuator/prometheus, both behind the admin key.
 */
@IncidentServiceTest
class ProcessorsObservabilityTest {

    @LocalServerPort
    int port;

    @Test
    void publishingLagIsScrapedAndFallsToZeroOnceTheEventIsPublished() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\":\"Lag probe\",\"severity\":\"SEV4\"}").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = admin.get("/actuator/prometheus").body().asString();
            assertThat(sample(scrape, "incident_processor_lag_seconds", "kafka-publisher")).isZero();
            assertThat(sample(scrape, "incident_processor_behind_events", "kafka-publisher")).isZero();
        });
    }

    @Test
    void thePublishingGroupShowsKafkaAndBothProcessors() {
        JsonNode publishing = new ApiClient(port).get("/actuator/health/publishing").body();

        assertThat(publishing.path("status").asString()).isEqualTo("UP");
        assertThat(publishing.at("/components/kafka/status").asString()).isEqualTo("UP");
        JsonNode processors = publishing.at("/components/eventProcessors");
        assertThat(processors.path("status").asString()).isEqualTo("UP");
        assertThat(processors.at("/details/kafka-publisher/running").asBoolean()).isTrue();
        assertThat(processors.at("/details/alert-incident-linker/running").asBoolean()).isTrue();
    }

    @Test
    void metricsAndProcessorDetailsNeedTheAdminKey() {
        ApiClient anonymous = new ApiClient(port, null);

        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health/publishing").status()).isEqualTo(401);
    }

    private static Double sample(String scrape, String metric, String processor) {
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{[^}]*processor=\"" + processor + "\"[^}]*} (\\S+)$")
                .matcher(scrape);
        return line.find() ? Double.valueOf(line.group(1)) : null;
    }
}
