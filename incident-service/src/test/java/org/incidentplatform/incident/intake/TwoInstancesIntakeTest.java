package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceApplication;
import org.incidentplatform.incident.IncidentServiceTest;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Two incident-service instances sharing one MongoDB database and one Kafka broker, as two
 * replicas would in production: 50 identical triggers spread over both open one incident.
 */
@IncidentServiceTest
class TwoInstancesIntakeTest {

    @LocalServerPort
    int port;

    @Test
    void fiftyIdenticalTriggersSpreadOverTwoInstancesOpenOneIncident() throws Exception {
        // Command-line arguments, so they win over application.yml as the first instance's test properties do.
        List<String> properties = new java.util.ArrayList<>(List.of(
                "server.port=0",
                "spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "spring.mongodb.uri=" + SharedInfrastructure.mongo().uri("incident-service-test"),
                "incidents.token-store.node-id=second-instance",
                "spring.jmx.enabled=false"));
        properties.addAll(List.of(TestCredentials.properties()));
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IncidentServiceApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            ApiClient admin = new ApiClient(port);
            String key = IntakeFixtures.createIntegration(admin, "ALERTMANAGER", "{}");
            String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
            String body = IntakeFixtures.alertmanager(service, "fp-two-instances-" + service);
            AtomicInteger next = new AtomicInteger();

            List<Integer> statuses = AlertIntakeApiTest.postConcurrently(50, () -> new ApiClient(
                    next.getAndIncrement() % 2 == 0 ? port : secondPort, null)
                    .send(HttpMethod.POST, "/api/v1/integrations/" + key + "/alertmanager", body).status());

            assertThat(statuses).containsOnly(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode items = admin.get("/api/v1/incidents?service=" + service).body().get("items");
                assertThat(items).hasSize(1);
                JsonNode incident = admin.get("/api/v1/incidents/" + items.get(0).get("id").asString()).body();
                assertThat(incident.get("alerts")).hasSize(1);
                assertThat(incident.get("alerts").get(0).get("fireCount").asInt()).isEqualTo(50);
            });
            // Both instances served the same incidents: reads on the second see what the first wrote.
            assertThat(new ApiClient(secondPort).get("/api/v1/incidents?service=" + service).body().get("items")).hasSize(1);
        }
    }
}
