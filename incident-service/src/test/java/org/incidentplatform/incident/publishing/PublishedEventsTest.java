package org.incidentplatform.incident.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.Topics;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IncidentServiceTest
class PublishedEventsTest {

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyStoredEventIsPublishedAsACloudEventKeyedByIncidentId() {
        String correlationId = "walk-" + UUID.randomUUID();
        String created = RestClient.create("http://localhost:" + port).post().uri("/api/v1/incidents")
                .header("Authorization", "Bearer " + ApiClient.ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Correlation-Id", correlationId)
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .body("{\"title\":\"Failover IP unreachable\",\"severity\":\"SEV2\",\"services\":[\"api\"]}")
                .retrieve().body(String.class);
        String incidentId = json.readTree(created).get("id").asString();

        ConsumerRecord<String, String> record = awaitRecordWithKey(incidentId);

        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo(EventTypes.INCIDENT_OPENED);
        assertThat(event.get("subject").asString()).isEqualTo(incidentId);
        assertThat(event.get("incidentsequence").asLong()).isZero();
        assertThat(event.get("actor").asString()).isEqualTo("apikey:bootstrap-admin");
        assertThat(event.get("correlationid").asString()).isEqualTo(correlationId);
        assertThat(event.get("traceparent").asString()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(event.get("data").get("title").asString()).isEqualTo("Failover IP unreachable");
        assertThat(event.get("id").asString()).isNotBlank();
    }

    @Test
    void theRecordCarriesTheRequestsTraceInItsTraceparentHeader() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = "00f067aa0ba902b7";
        String created = RestClient.create("http://localhost:" + port).post().uri("/api/v1/incidents")
                .header("Authorization", "Bearer " + ApiClient.ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body("{\"title\":\"Traced through Kafka\",\"severity\":\"SEV3\"}")
                .retrieve().body(String.class);

        ConsumerRecord<String, String> record = awaitRecordWithKey(json.readTree(created).get("id").asString());

        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header").isNotNull();
        String[] traceparent = new String(header.value(), StandardCharsets.US_ASCII).split("-");
        assertThat(traceparent[1]).as("trace id").isEqualTo(traceId);
        // A span of this service (the publisher's send), not the caller's span passed through.
        assertThat(traceparent[2]).as("span id").isNotEqualTo(callerSpanId).hasSize(16);
        assertThat(traceparent[3]).as("sampled").isEqualTo("01");
        // The envelope keeps the request's server span, the parent of the publishing spans.
        String envelopeSpanId = json.readTree(record.value()).get("traceparent").asString().split("-")[2];
        assertThat(envelopeSpanId).isNotEqualTo(callerSpanId).isNotEqualTo(traceparent[2]);
    }

    private static ConsumerRecord<String, String> awaitRecordWithKey(String key) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "published-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.INCIDENT_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No event with key " + key + " was published within 30 s");
    }
}
