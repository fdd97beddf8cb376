package org.incidentplatform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

    @TempDir
    Path dataDir;

    @Test
    void fileBackedMongoKeepsDocumentsAcrossARestart() {
        Path file = dataDir.resolve("mongo.mv");
        try (var server = EmbeddedMongoServer.fileBacked(file, 0).start();
             var client = MongoClients.create(server.connectionString())) {
            client.getDatabase("db").getCollection("things").insertOne(new Document("_id", "kept"));
        }
        try (var server = EmbeddedMongoServer.fileBacked(file, 0).start();
             var client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("db").getCollection("things").find().first())
                    .containsEntry("_id", "kept");
        }
    }

    @Test
    void fileBackedMongoStoppedAndStartedAgainServesTheSameDataOnTheSamePort() {
        var server = EmbeddedMongoServer.fileBacked(dataDir.resolve("restart.mv"), 0).start();
        String address = server.connectionString();
        try (var client = MongoClients.create(address)) {
            client.getDatabase("db").getCollection("things").insertOne(new Document("_id", "kept"));
        }
        server.stop();
        server.start();
        try (server; var client = MongoClients.create(server.connectionString())) {
            assertThat(server.connectionString()).isEqualTo(address);
            assertThat(client.getDatabase("db").getCollection("things").find().first())
                    .containsEntry("_id", "kept");
        }
    }

    @Test
    void brokerRestartedOnTheSameDirectoryKeepsItsMessages() throws Exception {
        Path logDir = dataDir.resolve("kafka");
        int port = EmbeddedKafkaBroker.freePort();
        try (var broker = new EmbeddedKafkaBroker(logDir, port, 1).start();
             var producer = new KafkaProducer<String, String>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("kept", "k", "hello")).get();
        }
        try (var broker = new EmbeddedKafkaBroker(logDir, port, 1).start();
             var consumer = new KafkaConsumer<String, String>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("kept"));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).containsExactly("hello");
        }
    }
}
