package org.incidentplatform.incident.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The event relay's state as operators see it: the "publishing" health
 * group and the lag gauges on /actuator/prometheus, both behind the admin key.
 */
@IncidentServiceTest
class RelayObservabilityTest {

    @LocalServerPort
    int port;

    @Autowired
    RelayCursors cursors;

    /**
     * A write that announced its events and then failed to store them is not lag: it is counted
     * apart, and the lag of everything else still falls to zero.
     */
    @Test
    void publishingLagIsScrapedAndFallsToZeroOnceTheEventIsPublished() {
        cursors.announce(List.of(new GenericDomainEventMessage<>("Incident", "abandoned-" + UUID.randomUUID(), 0,
                "a write that failed after announcing")));
        ApiClient admin = new ApiClient(port);
        assertThat(admin.send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\":\"Lag probe\",\"severity\":\"SEV4\"}").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = admin.get("/actuator/prometheus").body().asString();
            assertThat(gauge(scrape, "incident_relay_lag_seconds")).isZero();
            assertThat(gauge(scrape, "incident_relay_not_stored_aggregates")).isGreaterThanOrEqualTo(1);
            assertThat(gauge(scrape, "incident_relay_events_total")).isPositive();
        });
    }

    @Test
    void thePublishingGroupShowsKafkaAndTheRelay() {
        JsonNode publishing = new ApiClient(port).get("/actuator/health/publishing").body();

        assertThat(publishing.path("status").asString()).isEqualTo("UP");
        assertThat(publishing.at("/components/kafka/status").asString()).isEqualTo("UP");
        JsonNode relay = publishing.at("/components/eventRelay");
        assertThat(relay.path("status").asString()).isEqualTo("UP");
        assertThat(relay.at("/details/role").asString()).isEqualTo("relaying");
    }

    @Test
    void metricsAndRelayDetailsNeedTheAdminKey() {
        ApiClient anonymous = new ApiClient(port, null);

        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health/publishing").status()).isEqualTo(401);
    }

    private static Double gauge(String scrape, String metric) {
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{[^}]*} (\\S+)$").matcher(scrape);
        return line.find() ? Double.valueOf(line.group(1)) : null;
    }
}
