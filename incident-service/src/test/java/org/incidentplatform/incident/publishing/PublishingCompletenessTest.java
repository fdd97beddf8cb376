package org.incidentplatform.incident.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.relay.RelayCursors;
import org.incidentplatform.incident.view.IncidentViewRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * The known risk of a MongoDB event store (STACK-NOTES): processors track it by timestamp with a
 * look-back window, so concurrent writers could make a tracking publisher skip events; the event
 * relay (relay package) was built so that nothing depends on timing. Two instances write at once;
 * then every incident event id in the event store must be on the incident topic. The second test
 * makes the timing as bad as it gets: writers stall for up to 1.5 s between announcing and storing
 * (beyond the old 1 s look-back) and stamp events with clocks up to two hours behind.
 */
@IncidentServiceTest
class PublishingCompletenessTest {

    private static final int THREADS = 8;
    private static final int INCIDENTS_PER_THREAD = 250;
    private static final int SKEWED_INCIDENTS_PER_THREAD = 30;
    private static final String DATABASE = "incident-service-test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine store;

    @Autowired
    RelayCursors cursors;

    @Autowired
    IncidentViewRepository views;

    @BeforeAll
    static void startSecond() {
        second = startSecondInstance();
    }

    @AfterAll
    static void stopSecond() {
        second.close();
    }

    @Test
    void everyStoredIncidentEventReachesKafkaUnderTwoConcurrentWriters() throws Exception {
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

    @Test
    void stalledWritersAndSkewedClocksOnTwoInstancesLoseNothing() throws Exception {
        List<EventStorageEngine> stores = List.of(store, second.getBean(EventStorageEngine.class));
        List<RelayCursors> announcers = List.of(cursors, second.getBean(RelayCursors.class));
        Set<String> written = ConcurrentHashMap.newKeySet();
        List<String> incidents = new CopyOnWriteArrayList<>();
        AtomicInteger stalls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                // Each writer's clock is behind by up to two hours; the relay never looks at it.
                Duration skew = Duration.ofMinutes(ThreadLocalRandom.current().nextLong(0, 120));
                writers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < SKEWED_INCIDENTS_PER_THREAD; i++) {
                        String id = "skewed-stalled-" + UUID.randomUUID();
                        Instant clock = Instant.now().minus(skew);
                        List<List<DomainEventMessage<?>>> commits = List.of(
                                List.of(event(id, 0, new IncidentOpened(id, "Stalled", null, Severity.SEV3, List.of(),
                                        null, null, clock), clock)),
                                List.of(event(id, 1, new IncidentAcknowledged(id, clock), clock),
                                        event(id, 2, new IncidentResolved(id, "Done", clock), clock)));
                        for (List<DomainEventMessage<?>> commit : commits) {
                            int instance = random.nextInt(2);
                            if (random.nextInt(4) == 0) {
                                // Announced, then stalled longer than the old look-back before storing.
                                announcers.get(instance).announce(commit);
                                stalls.incrementAndGet();
                                Thread.sleep(random.nextLong(1_000, 1_500));
                            }
                            stores.get(instance).appendEvents(commit);
                            commit.forEach(e -> written.add(e.getIdentifier()));
                        }
                        incidents.add(id);
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
        Duration writing = Duration.ofNanos(System.nanoTime() - started);

        Set<String> missing = awaitPublished(written, Duration.ofSeconds(90));
        System.out.printf("Stalled and skewed writers: %d incidents, %d events, %d stalls of 1-1.5 s, written in %d ms "
                        + "on 2 instances; %d missing from Kafka%n",
                incidents.size(), written.size(), stalls.get(), writing.toMillis(), missing.size());

        assertThat(incidents).hasSize(THREADS * SKEWED_INCIDENTS_PER_THREAD);
        assertThat(stalls.get()).isPositive();
        assertThat(missing).as("stored events never published").isEmpty();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(incidents.stream().filter(id -> views.find(id).map(view -> view.getVersion() < 2).orElse(true)))
                        .as("incident views without every event").isEmpty());
    }

    private static DomainEventMessage<?> event(String incidentId, long sequence, Object payload, Instant stampedAt) {
        return new GenericDomainEventMessage<>("Incident", incidentId, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), stampedAt);
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
