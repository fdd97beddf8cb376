package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The minute-by-minute safety net reads ids and queue keys, page by page, never message bodies. */
class DeliverySweepTest {

    private static final String BODY = "x".repeat(20_000);

    private final List<BsonDocument> sweptDocuments = new CopyOnWriteArrayList<>();
    private final List<Integer> pageSizes = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void connect() {
        CommandListener replies = new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                if (event.getCommandName().equals("find") || event.getCommandName().equals("getMore")) {
                    BsonDocument cursor = event.getResponse().getDocument("cursor");
                    BsonArray batch = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch") : cursor.getArray("nextBatch");
                    pageSizes.add(batch.size());
                    batch.stream().map(BsonValue::asDocument).forEach(sweptDocuments::add);
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(SharedInfrastructure.mongo().uri("delivery-sweep-" + System.nanoTime())))
                .addCommandListener(replies).build());
        mongo = new MongoTemplate(client, "delivery-sweep-" + System.nanoTime());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void everyOpenDeliveryIsQueuedWithoutReadingItsBody() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        int open = DeliveryLog.SWEEP_PAGE * 2 + 7;
        for (int i = 0; i < open; i++) {
            mongo.insert(delivery("open-" + i, i % 2 == 0 ? DeliveryStatus.PENDING : DeliveryStatus.FAILED, now));
        }
        mongo.insert(delivery("done", DeliveryStatus.DELIVERED, now));
        DeliveryQueues queues = new DeliveryQueues(mongo);
        DeliveryLog log = new DeliveryLog(mongo, new DeliveryIndexes(mongo), queues);
        sweptDocuments.clear();
        pageSizes.clear();

        int swept = log.sweep();

        assertThat(swept).isEqualTo(open);
        List<BsonDocument> read = List.copyOf(sweptDocuments);
        assertThat(read).hasSize(open);
        assertThat(read).allSatisfy(document -> assertThat(document.keySet())
                .doesNotContain("message", "cloudEvent", "attempts"));
        assertThat(pageSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(DeliveryLog.SWEEP_PAGE));
        List<DeliveryQueue> queued = mongo.findAll(DeliveryQueue.class);
        assertThat(queued.stream().flatMap(q -> q.open().stream())).hasSize(open).doesNotContain("done");
    }

    private static Delivery delivery(String id, DeliveryStatus status, Instant now) {
        return new Delivery(id, "inc-" + id, "evt-" + id, "org.incidentplatform.incident.opened.v1", 0, null, null,
                "webhook", "default", status, 0, now, now, Instant.EPOCH, null, null, BODY, BODY, null, null, 0, List.of());
    }
}
