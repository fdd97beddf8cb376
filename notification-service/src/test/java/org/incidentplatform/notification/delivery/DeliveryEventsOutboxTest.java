package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;
import org.incidentplatform.embedded.EmbeddedKafkaBroker;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.events.DeliveryEventTypes;
import org.incidentplatform.events.Topics;
import org.incidentplatform.notification.SpringDataMapping;
import org.incidentplatform.notification.routing.ConfiguredTargets;
import org.incidentplatform.tracing.StoredTraceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka away holds no delivery: the outcome is recorded at once and its event waits in the
 * outbox, then goes out when a broker answers at the address the producer was given.
 */
class DeliveryEventsOutboxTest {

    private final StoredTraceContext traces = new StoredTraceContext(Tracer.NOOP, Propagator.NOOP);
    private MongoClient client;
    private MongoTemplate mongo;
    private DeliveryQueues queues;
    private DeliveryLog log;
    private DeliveryEventsOutbox outbox;
    private int kafkaPort;
    private DefaultKafkaProducerFactory<Object, Object> producers;
    private KafkaTemplate<Object, Object> kafka;

    @BeforeEach
    void connect() throws IOException {
        String database = "delivery-events-outbox-" + System.nanoTime();
        client = MongoClients.create(SharedInfrastructure.mongo().uri(database));
        mongo = new MongoTemplate(client, database);
        queues = new DeliveryQueues(mongo);
        log = new DeliveryLog(mongo, new DeliveryIndexes(mongo), queues);
        outbox = new DeliveryEventsOutbox(mongo, Clock.systemUTC());
        try (ServerSocket free = new ServerSocket(0)) {
            kafkaPort = free.getLocalPort(); // Nothing listens here until the test starts a broker.
        }
        // application.yml's bounded waits, with a shorter metadata wait to keep the test quick.
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000));
        kafka = new KafkaTemplate<>(producers);
    }

    @AfterEach
    void close() {
        producers.destroy();
        client.close();
    }

    @Test
    void aDeliveryIsRecordedAtOnceWhileKafkaIsAwayAndItsEventIsPublishedWhenKafkaIsBack(@TempDir Path kafkaData) {
        Delivery leased = leasedDelivery("e1:webhook:audit");
        var outcomes = new DeliveryOutcomes(log, queues, new RetryPolicy(properties()),
                new DeliveryEventsPublisher(outbox, JsonMapper.builder().build(), Clock.systemUTC()),
                mock(ConfiguredTargets.class), Clock.systemUTC());

        long started = System.nanoTime();
        DeliveryQueue queue = mongo.findById(leased.key().id(), DeliveryQueue.class);
        var work = new QueueWork(queue, List.of(leased), List.of(leased), null, "webhook:audit");
        outcomes.recordAll(List.of(SendOutcome.sent(work, 200, 1, null, Duration.ofMillis(5), null)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(log.find(leased.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        var relay = new DeliveryEventsRelay(outbox, kafka, traces, Clock.systemUTC());
        assertThat(relay.relayOnce()).as("events Kafka took while unreachable").isZero();
        assertThat(outbox.waiting()).as("events waiting in the outbox").isEqualTo(1);

        try (var broker = new EmbeddedKafkaBroker(kafkaData, kafkaPort, 1).start()) {
            relay.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> outbox.waiting() == 0);
            relay.stop();

            assertThat(records(broker, Topics.DELIVERY_EVENTS)).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("inc-1");
                assertThat(record.value()).contains(DeliveryEventTypes.NOTIFICATION_DELIVERED).contains(leased.id());
            });
        }
    }

    @Test
    void anEntryIsWrittenAndReadInSpringDatasShape() {
        DeliveryEventsOutbox.Entry claimed = new DeliveryEventsOutbox.Entry(new ObjectId().toHexString(), "deliveries.v1",
                "inc-1", "{\"type\":\"DeliverySucceeded\"}", "00-abc-def-01", Instant.parse("2026-12-08T01:00:00.5Z"),
                Instant.parse("2026-12-08T01:00:30Z"), "owner-1");
        DeliveryEventsOutbox.Entry fresh = new DeliveryEventsOutbox.Entry(new ObjectId().toHexString(), "deliveries.v1",
                "inc-2", "{}", null, Instant.parse("2026-12-08T01:00:00Z"), Instant.EPOCH, null);
        for (DeliveryEventsOutbox.Entry entry : List.of(claimed, fresh)) {
            SpringDataMapping.assertSameShape(entry, DeliveryEventsOutbox::write, DeliveryEventsOutbox::read);
        }
    }

    @Test
    void twoRelaysNeverClaimTheSameRecordUntilItsLeaseRunsOut() {
        for (String value : List.of("first", "second", "third")) {
            outbox.add(Topics.DELIVERY_EVENTS, "inc-2", value, null);
        }
        Instant now = Instant.now();

        List<DeliveryEventsOutbox.Entry> one = outbox.claim(2, now, now.plus(DeliveryEventsRelay.LEASE));
        List<DeliveryEventsOutbox.Entry> other = outbox.claim(10, now, now.plus(DeliveryEventsRelay.LEASE));
        List<DeliveryEventsOutbox.Entry> afterTheLease = outbox.claim(10, now.plus(DeliveryEventsRelay.LEASE), now.plusSeconds(600));

        assertThat(one).extracting(DeliveryEventsOutbox.Entry::value).containsExactly("first", "second");
        assertThat(other).extracting(DeliveryEventsOutbox.Entry::value).containsExactly("third");
        assertThat(afterTheLease).extracting(DeliveryEventsOutbox.Entry::value).containsExactly("first", "second", "third");
    }

    private Delivery leasedDelivery(String id) {
        Instant now = Instant.now();
        Delivery pending = new Delivery(id, "inc-1", "e1", "org.incidentplatform.incident.opened.v1", 1, "corr-1", null,
                "webhook", "audit", DeliveryStatus.PENDING, 0, now, now, Instant.EPOCH, null, null, "Disk full", "{}", null,
                null, 0, List.of());
        log.enqueue(pending);
        return log.leaseAll(List.of(pending), now, now.plusSeconds(60)).getFirst();
    }

    private static DeliveryProperties properties() {
        return new DeliveryProperties(5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(60),
                Duration.ofMillis(200), 8, Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMillis(50));
    }

    private static List<ConsumerRecord<String, String>> records(EmbeddedKafkaBroker broker, String topic) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
