package org.incidentplatform.incident.operations;

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
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.incidentplatform.embedded.EmbeddedKafkaBroker;
import org.incidentplatform.events.Topics;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceApplication;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;

/**
 * incident-service started while neither MongoDB nor Kafka is reachable: it starts at once,
 * is live but not ready, becomes ready when MongoDB appears, stores writes while Kafka is still
 * down, and publishes them when the broker appears. While MongoDB is away a write fails fast,
 * within the configured server-selection timeout, with 503 and Retry-After. Its own context
 * (ports chosen before the servers exist), so it does not use the module's shared infrastructure.
 */
class StartsWithoutItsDependenciesTest {

    private static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void startsWithoutMongoAndKafkaAndCatchesUpWhenTheyAppear() throws Exception {
        int mongoPort = freePort();
        int kafkaPort = freePort();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(Files.createTempDirectory("kafka-late-"), kafkaPort, 3);
        List<String> args = new ArrayList<>(List.of(
                "server.port=0",
                "spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                // A start-up that needed MongoDB anywhere would fail after this timeout instead of starting.
                "spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/late-dependencies",
                "incidents.mongo.server-selection-timeout=" + SERVER_SELECTION_TIMEOUT.toMillis() + "ms",
                "incidents.token-store.node-id=late-dependencies",
                "incidents.health.kafka.cache-for=500ms",
                "spring.jmx.enabled=false"));
        args.addAll(List.of(TestCredentials.properties()));
        long startedAt = System.nanoTime();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IncidentServiceApplication.class)
                .run(args.stream().map(arg -> "--" + arg).toArray(String[]::new))) {
            Duration startup = Duration.ofNanos(System.nanoTime() - startedAt);
            ApiClient api = new ApiClient(((WebServerApplicationContext) service).getWebServer().getPort());

            assertThat(startup).isLessThan(Duration.ofSeconds(90));
            assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);

            long writeStarted = System.nanoTime();
            var refused = api.send(HttpMethod.POST, "/api/v1/incidents",
                    "{\"title\":\"Written while MongoDB is down\",\"severity\":\"SEV2\"}");
            Duration writeTook = Duration.ofNanos(System.nanoTime() - writeStarted);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            // The bound plus slack for a loaded machine; the driver default would be 30 s.
            assertThat(writeTook).isLessThan(SERVER_SELECTION_TIMEOUT.plusSeconds(5));

            mongo.bind("127.0.0.1", mongoPort);
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/actuator/health/readiness").status() == 200);
            var created = api.send(HttpMethod.POST, "/api/v1/incidents",
                    "{\"title\":\"Stored while Kafka is down\",\"severity\":\"SEV2\"}");
            assertThat(created.status()).isEqualTo(201);
            String incidentId = created.text("/id");
            assertThat(api.get("/actuator/health/publishing").status()).isEqualTo(503);

            kafka.start();
            assertThat(awaitRecordWithKey(kafka.bootstrapServers(), incidentId)).isNotNull();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/actuator/health/publishing").status() == 200);
        } finally {
            kafka.stop();
            mongo.shutdownNow();
        }
    }

    private static ConsumerRecord<String, String> awaitRecordWithKey(String bootstrapServers, String key) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "late-dependencies-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.INCIDENT_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No event with key " + key + " was published within 60 s of the broker starting");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
