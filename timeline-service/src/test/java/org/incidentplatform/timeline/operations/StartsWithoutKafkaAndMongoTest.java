package org.incidentplatform.timeline.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.consuming.testing.IncidentTopic;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.embedded.EmbeddedKafkaBroker;
import org.incidentplatform.security.testing.TestCredentials;
import org.incidentplatform.timeline.TimelineServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * timeline-service started while neither Kafka nor MongoDB is reachable stays up, live and not
 * ready; readiness follows each dependency as it appears, and the service consumes once both
 * are there. Its own context on ports chosen before the servers exist, closed at the end, so the
 * module's shared context and infrastructure are untouched.
 */
class StartsWithoutKafkaAndMongoTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void isLiveButNotReadyUntilKafkaAndMongoAppearThenReadyWithinThirtySeconds() throws Exception {
        int kafkaPort = freePort();
        int mongoPort = freePort();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(Files.createTempDirectory("kafka-late-"), kafkaPort, 3);
        List<String> args = new ArrayList<>(List.of(
                "server.port=0",
                "spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                "spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/timeline-late",
                "incidents.health.kafka.cache-for=1s",
                "spring.jmx.enabled=false"));
        args.addAll(List.of(TestCredentials.properties()));
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(TimelineServiceApplication.class)
                .run(args.stream().map(arg -> "--" + arg).toArray(String[]::new))) {
            RestClient http = RestClient.builder()
                    .baseUrl("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort())
                    .defaultHeader("Authorization", "Bearer " + TestCredentials.ADMIN_KEY)
                    .defaultStatusHandler(status -> true, (request, response) -> { })
                    .build();

            assertThat(status(http, "/actuator/health/liveness")).isEqualTo("UP");
            assertThat(component(http, "mongo")).isEqualTo("DOWN");
            assertThat(component(http, "kafka")).isEqualTo("DOWN");
            assertThat(status(http, "/actuator/health/readiness")).isEqualTo("DOWN");

            mongo.bind("127.0.0.1", mongoPort);
            await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(component(http, "mongo")));
            assertThat(status(http, "/actuator/health/readiness")).isEqualTo("DOWN");
            assertThat(status(http, "/actuator/health/liveness")).isEqualTo("UP");
            assertThat(service.isActive()).isTrue();

            kafka.start();
            long brokerStartedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> "UP".equals(status(http, "/actuator/health/readiness")));
            System.out.printf("Readiness UP %d ms after the broker started%n",
                    Duration.ofNanos(System.nanoTime() - brokerStartedAt).toMillis());

            try (IncidentTopic topic = new IncidentTopic(kafka.bootstrapServers())) {
                TestEvent opened = TestEvent.opened();
                topic.publish(opened);
                await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(http.get()
                        .uri("/api/v1/incidents/{id}/timeline", opened.incidentId())
                        .retrieve().body(String.class)).path("entries").size() == 1);
            }
        } finally {
            kafka.stop();
            mongo.shutdownNow();
        }
    }

    private static String status(RestClient http, String path) {
        return JSON.readTree(http.get().uri(path).retrieve().body(String.class)).path("status").asString();
    }

    private static String component(RestClient http, String name) {
        JsonNode readiness = JSON.readTree(http.get().uri("/actuator/health/readiness").retrieve().body(String.class));
        return readiness.path("components").path(name).path("status").asString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
