package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.events.Topics;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The trace of an alert webhook survives the detour through the alert stream and the linker (a
 * streaming processor that opens and attaches later): the incident events it causes go to Kafka
 * with the webhook request's trace id.
 */
@IncidentServiceTest
class AlertTraceTest {

    @LocalServerPort
    int port;

    @Test
    void theIncidentEventsAnAlertCausesCarryTheWebhookRequestsTrace() {
        String traceId = UUID.randomUUID().toString().replace("-", "");

        List<String[]> traceparents = traceparentsOfTheIncidentOpenedBy(
                Map.of("traceparent", "00-" + traceId + "-a3ce929d0e0e4736-01"));

        assertThat(traceparents).allSatisfy(parts -> assertThat(parts[1]).isEqualTo(traceId));
    }

    /**
     * Without a caller's trace and without an OTLP endpoint nothing is sampled (nothing would
     * receive the recorded spans), yet the ids still tie the request's events together: one valid
     * trace id on all of them, flagged unsampled.
     */
    @Test
    void anUntracedAlertsEventsShareOneUnsampledTraceId() {
        List<String[]> traceparents = traceparentsOfTheIncidentOpenedBy(Map.of());

        String traceId = traceparents.getFirst()[1];
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(traceparents).allSatisfy(parts -> {
            assertThat(parts[1]).isEqualTo(traceId);
            // W3C trace-flags: bit 0 is "sampled" (bit 1, "random trace id", may be set too).
            assertThat(Integer.parseInt(parts[3], 16) & 1).as("sampled flag of %s", parts[3]).isZero();
        });
    }

    /**
     * Posts one alert with these request headers and returns the {@code traceparent} headers, split
     * at '-', of the first two records of the incident it opens (opened and the attached alert).
     */
    private List<String[]> traceparentsOfTheIncidentOpenedBy(Map<String, String> headers) {
        ApiClient admin = new ApiClient(port);
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String key = IntakeFixtures.createIntegration(admin, "ALERTMANAGER", "{}");

        var accepted = new ApiClient(port, null).exchange(HttpMethod.POST, "/api/v1/integrations/" + key + "/alertmanager",
                IntakeFixtures.alertmanager(service, "fp-" + service), headers);
        assertThat(accepted.status()).isEqualTo(202);
        String incidentId = await().atMost(Duration.ofSeconds(30)).until(() -> incidentOf(admin, service), id -> id != null);

        List<ConsumerRecord<String, String>> records = recordsWithKey(incidentId, 2);
        assertThat(records).hasSizeGreaterThanOrEqualTo(2);
        return records.stream().map(record -> {
            Header header = record.headers().lastHeader("traceparent");
            assertThat(header).as("traceparent of %s", record.key()).isNotNull();
            return new String(header.value(), StandardCharsets.US_ASCII).split("-");
        }).toList();
    }

    private static String incidentOf(ApiClient admin, String service) {
        for (JsonNode incident : admin.get("/api/v1/incidents?service=" + service).body().path("items")) {
            return incident.path("id").asString();
        }
        return null;
    }

    /** The incident's first {@code count} records: opened and the attached alert. */
    private static List<ConsumerRecord<String, String>> recordsWithKey(String key, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "alert-trace-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.INCIDENT_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
