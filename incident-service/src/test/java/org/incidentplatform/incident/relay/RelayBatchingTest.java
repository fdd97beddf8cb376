package org.incidentplatform.incident.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.incident.eventstore.EventBatchReader;
import org.incidentplatform.incident.leases.MongoLease;
import org.incidentplatform.incident.relay.RelaySchedulingTest.MapStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Under load the relay hands sinks many aggregates per call and clears their cursors together; an
 * aggregate that a sink keeps refusing is retried in ever smaller batches until it goes alone, so
 * it soon stops holding up the others; aggregates that failed together in an outage recover in
 * batches.
 */
class RelayBatchingTest {

    private final MongoClient client = MongoClients.create(SharedInfrastructure.mongo().connectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "relay-batching-" + UUID.randomUUID());
    private final RelayCursors cursors = new RelayCursors(mongo);
    private final MapStore store = new MapStore();
    private final RecordingSink sink = new RecordingSink();
    private final EventRelay relay = new EventRelay(cursors, store, EventBatchReader.oneByOne(store), List.of(sink),
            new MongoLease(mongo, "event-relay", "batching-test", Duration.ofSeconds(10)), new RelayWakeUp(),
            new RelayStatus(new SimpleMeterRegistry()), new RelaySettings(Duration.ofMillis(100), 200, 2, 500,
                    Duration.ofMillis(400), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(2), ""));

    @AfterEach
    void stop() {
        relay.stop();
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void aBacklogIsRelayedInBatchesAndARefusedAggregateIsIsolated() {
        List<String> aggregates = storeAndAnnounce(150);
        String refused = aggregates.get(70);
        sink.refuse = refused;

        relay.start();

        List<String> others = aggregates.stream().filter(id -> !id.equals(refused)).toList();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sink.relayed.keySet())
                .as("aggregates relayed").containsAll(others));
        assertThat(sink.batchSizes).as("aggregates per call").anyMatch(size -> size > 1)
                .allMatch(size -> size <= EventRelay.MAX_BATCH);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(others.stream()
                .filter(id -> cursors.find(id).orElseThrow().pendingSince() != null)).as("cursors still pending").isEmpty());
        assertThat(cursors.find(refused).orElseThrow().pendingSince()).as("the refused aggregate stays pending").isNotNull();

        int failedBatches = sink.refusals.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.refusals.get() > failedBatches);
        assertThat(sink.batchSizes.subList(sink.batchSizes.size() - 1, sink.batchSizes.size()))
                .as("the aggregate refused again and again ends up alone").containsExactly(1);

        sink.refuse = null;
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(cursors.find(refused).orElseThrow()
                .pendingSince()).as("pending once the sink takes it").isNull());
        assertThat(sink.relayed.get(refused)).isEqualTo(1);
    }

    @Test
    void aggregatesThatFailedTogetherInAnOutageRecoverInBatches() {
        sink.down = true;
        List<String> aggregates = storeAndAnnounce(150);
        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.refusals.get() >= 2);
        int callsInOutage = sink.batchSizes.size();

        sink.down = false;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sink.relayed.keySet())
                .as("aggregates relayed after the outage").containsAll(aggregates));
        List<Integer> afterOutage = sink.batchSizes.subList(callsInOutage, sink.batchSizes.size());
        assertThat(afterOutage).as("aggregates per call after the outage").anyMatch(size -> size > 1);
        assertThat(afterOutage.size()).as("calls to relay %d aggregates", aggregates.size())
                .isLessThan(aggregates.size() / 2);
    }

    private List<String> storeAndAnnounce(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "Incident-" + i + "-" + UUID.randomUUID();
            var event = new GenericDomainEventMessage<>("Incident", id, 0, "event of " + id);
            cursors.announce(List.of(event));
            store.events.put(id, event);
            ids.add(id);
        }
        return ids;
    }

    /** Counts aggregates per call; refuses any call that includes the one aggregate it is told to. */
    private static final class RecordingSink implements RelaySink {

        final Map<String, Integer> relayed = new ConcurrentHashMap<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final AtomicInteger refusals = new AtomicInteger();
        volatile String refuse;
        /** Refuses every call, as a sink whose backend is down. */
        volatile boolean down;

        @Override
        public boolean handles(String aggregateType) {
            return true;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void relay(List<? extends DomainEventMessage<?>> events) {
            relayAll(List.of(events));
        }

        @Override
        public void relayAll(List<List<? extends DomainEventMessage<?>>> aggregates) {
            batchSizes.add(aggregates.size());
            if (down || aggregates.stream().anyMatch(events -> events.getFirst().getAggregateIdentifier().equals(refuse))) {
                refusals.incrementAndGet();
                throw new IllegalStateException("refused");
            }
            aggregates.forEach(events -> relayed.merge(events.getFirst().getAggregateIdentifier(), 1, Integer::sum));
        }
    }
}
