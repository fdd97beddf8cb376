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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.incident.eventstore.EventBatchReader;
import org.incidentplatform.incident.leases.MongoLease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How the relay schedules work when one sink is down, as during a Kafka outage, where every send
 * waits for its delivery timeout. The cursors are real (MongoDB); the event store is a map and the
 * sinks are stand-ins, so the timing is the test's to choose.
 */
class RelaySchedulingTest {

    private static final Duration HANG = Duration.ofSeconds(4);

    private final MongoClient client = MongoClients.create(SharedInfrastructure.mongo().connectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "relay-scheduling-" + UUID.randomUUID());
    private final RelayCursors cursors = new RelayCursors(mongo);
    private final MapStore store = new MapStore();
    private final BrokerSink broker = new BrokerSink();
    private final StreamSink linker = new StreamSink();
    private final EventRelay relay = new EventRelay(cursors, store, EventBatchReader.oneByOne(store), List.of(linker, broker),
            new MongoLease(mongo, "event-relay", "scheduling-test", Duration.ofSeconds(10)), new RelayWakeUp(),
            new RelayStatus(new SimpleMeterRegistry()), new RelaySettings(Duration.ofMillis(200), 200, 8, 500,
                    Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(2), ""));

    @AfterEach
    void stop() {
        relay.stop();
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void alertStreamsGoOnWhileTheBrokerHangsAndIncidentsFollowWhenItIsBack() throws Exception {
        List<String> incidents = storeAndAnnounce("Incident", 6);
        broker.down(HANG);
        relay.start();
        await().atMost(Duration.ofSeconds(2)).until(() -> broker.handed.get() == incidents.size());

        // Alerts keep coming while every incident's send hangs: each stream is relayed well before
        // the first hanging send has even failed.
        List<String> streams = storeAndAnnounce("AlertStream", 30);
        await().atMost(HANG.minusMillis(1_500)).untilAsserted(() -> assertThat(linker.relayed)
                .as("alert streams relayed while the broker sink hangs").containsAll(streams));

        // The hanging sends fail; the broker stays down, now failing at once. Its circuit lets one
        // probe through at a time with a growing back-off, instead of every incident retrying.
        await().atMost(HANG.plusSeconds(5)).until(() -> broker.failures.get() >= incidents.size());
        broker.down(Duration.ZERO);
        int before = broker.calls.get();
        Thread.sleep(2_000); // Holding the outage for a fixed time, to count the calls it gets.
        int probes = broker.calls.get() - before;
        assertThat(probes).as("calls to the failing sink in 2 s (6 incidents pending)").isBetween(1, 5);

        broker.up();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(broker.relayed)
                .as("incidents relayed once the broker is back").containsAll(incidents));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Stream.concat(incidents.stream(),
                streams.stream()).filter(id -> cursors.find(id).orElseThrow().pendingSince() != null))
                .as("cursors still pending").isEmpty());
    }

    private List<String> storeAndAnnounce(String type, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = type + "-" + UUID.randomUUID();
            var event = new GenericDomainEventMessage<>(type, id, 0, "event of " + id);
            cursors.announce(List.of(event));
            store.events.put(id, event);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Stands in for the Kafka sink: a call sends all its aggregates' events and waits for their
     * acknowledgements once, so while the broker is down each call waits (a send's delivery
     * timeout) and fails for all of them.
     */
    private static final class BrokerSink implements RelaySink {

        final Set<String> relayed = ConcurrentHashMap.newKeySet();
        final AtomicInteger calls = new AtomicInteger();
        /** Aggregates handed over, failed or not. */
        final AtomicInteger handed = new AtomicInteger();
        /** Aggregates whose send failed. */
        final AtomicInteger failures = new AtomicInteger();
        private volatile Duration hang;
        private volatile CountDownLatch back = new CountDownLatch(1);

        void down(Duration hangPerCall) {
            hang = hangPerCall;
        }

        void up() {
            hang = null;
            back.countDown();
        }

        @Override
        public boolean handles(String aggregateType) {
            return "Incident".equals(aggregateType);
        }

        @Override
        public String name() {
            return "broker";
        }

        @Override
        public void relay(List<? extends DomainEventMessage<?>> events) {
            relayAll(List.of(events));
        }

        @Override
        public void relayAll(List<List<? extends DomainEventMessage<?>>> aggregates) {
            calls.incrementAndGet();
            handed.addAndGet(aggregates.size());
            Duration waitFor = hang;
            if (waitFor != null) {
                try {
                    back.await(waitFor.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                failures.addAndGet(aggregates.size());
                throw new IllegalStateException("broker down");
            }
            aggregates.forEach(events -> events.forEach(event -> relayed.add(event.getAggregateIdentifier())));
        }
    }

    /** Stands in for the alert linker: needs no broker. */
    private static final class StreamSink implements RelaySink {

        final Set<String> relayed = ConcurrentHashMap.newKeySet();

        @Override
        public boolean handles(String aggregateType) {
            return "AlertStream".equals(aggregateType);
        }

        @Override
        public String name() {
            return "streams";
        }

        @Override
        public void relay(List<? extends DomainEventMessage<?>> events) {
            events.forEach(event -> relayed.add(event.getAggregateIdentifier()));
        }
    }

    /** One stored event per aggregate; only what the relay reads is implemented. */
    static final class MapStore implements EventStorageEngine {

        final Map<String, DomainEventMessage<?>> events = new ConcurrentHashMap<>();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            DomainEventMessage<?> event = events.get(aggregateIdentifier);
            return event == null || event.getSequenceNumber() < firstSequenceNumber
                    ? DomainEventStream.empty() : DomainEventStream.of(event);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.empty();
        }
    }
}
