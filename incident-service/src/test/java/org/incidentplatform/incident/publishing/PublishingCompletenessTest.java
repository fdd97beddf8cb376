package org.incidentplatform.incident.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.events.Topics;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The known risk of a MongoDB event store (STACK-NOTES): processors track it by timestamp with a
 * look-back window, so concurrent writers could make the publisher skip events. Two instances
 * write 2,000 incidents from 8 threads at once; then every incident event id in the event store
 * must be on the incident topic.
 */
@IncidentServiceTest
class PublishingCompletenessTest {

    private static final int THREADS = 8;
    private static final int INCIDENTS_PER_THREAD = 250;
    private static final String DATABASE = "incident-service-test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void everyStoredIncidentEventReachesKafkaUnderTwoConcurrentWriters() throws Exception {
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            long writeStarted = System.nanoTime();
            int created = writeConcurrently(List.of(port, secondPort));
            Duration writing = Duration.ofNanos(System.nanoTime() - writeStarted);

            Set<String> stored = storedIncidentEventIds();
            long readStarted = System.nanoTime();
            Set<String> missing = awaitPublished(stored, Duration.ofSeconds(90));
            System.out.printf("Publishing completeness: %d incidents created in %d ms (%.0f/s) on 2 instances; "
                            + "%d incident events stored; %d missing from Kafka after %d ms%n",
                    created, writing.toMillis(), created * 1000.0 / writing.toMillis(), stored.size(),
                    missing.size(), Duration.ofNanos(System.nanoTime() - readStarted).toMillis());

            assertThat(created).isEqualTo(THREADS * INCIDENTS_PER_THREAD);
            assertThat(missing).as("stored incident events never published").isEmpty();
        }
    }

    private static ConfigurableApplicationContext startSecondInstance() {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "spring.mongodb.uri=" + SharedInfrastructure.mongo().uri(DATABASE),
                "incidents.token-store.node-id=second",
                "spring.jmx.enabled=false"));
        properties.addAll(List.of(TestCredentials.properties()));
        return new SpringApplicationBuilder(IncidentServiceApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    /** Opens incidents from all threads at once, alternating between the instances; bounded in time. */
    private static int writeConcurrently(List<Integer> ports) throws Exception {
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    // One client per instance and thread: each client owns an HTTP client and its threads.
                    List<ApiClient> clients = ports.stream().map(ApiClient::new).toList();
                    for (int i = 0; i < INCIDENTS_PER_THREAD; i++) {
                        ApiClient api = clients.get((thread + i) % clients.size());
                        int status = api.send(HttpMethod.POST, "/api/v1/incidents",
                                "{\"title\":\"Burst " + thread + "-" + i + "\",\"severity\":\"SEV3\"}").status();
                        if (status == 201) {
                            created.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return created.get();
    }

    /** Every event of the Incident aggregate in the event store (alert-stream events are internal). */
    private static Set<String> storedIncidentEventIds() {
        try (MongoClient client = MongoClients.create(SharedInfrastructure.mongo().connectionString())) {
            Set<String> ids = new HashSet<>();
            client.getDatabase(DATABASE).getCollection("domainevents")
                    .find(new Document("type", "Incident"))
                    .projection(new Document("eventIdentifier", 1))
                    .forEach(document -> ids.add(document.getString("eventIdentifier")));
            return ids;
        }
    }

    /** Reads the topic from its start until every expected id was seen or the patience ran out. */
    private static Set<String> awaitPublished(Set<String> expected, Duration patience) {
        Set<String> missing = new HashSet<>(expected);
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENT_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + patience.toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    missing.remove(JSON.readTree(record.value()).path("id").asString());
                }
            }
        }
        return missing;
    }
}
