package org.incidentplatform.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.BsonMaximumSizeExceededException;
import org.incidentplatform.consuming.testing.IncidentTopic;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared error handler against a real broker: a listener that fails as scripted per incident
 * shows which failures pause a partition until they pass and which are parked after a few tries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "incidents.consumer.transient-failure-first-interval=20ms",
        "incidents.consumer.permanent-failure-interval=50ms"})
class FailureHandlingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private ScriptedListener listener;

    @Autowired
    private MeterRegistry meters;

    private IncidentTopic topic;

    @DynamicPropertySource
    static void sharedInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> SharedInfrastructure.mongo().uri("failure-handling-tests"));
    }

    @BeforeEach
    void connect() {
        topic = new IncidentTopic(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void aMongoOutageIsRetriedForAsLongAsItLastsAndNothingIsParked() {
        TestEvent opened = TestEvent.opened();
        listener.script(opened.incidentId(), 8, () -> new DataAccessResourceFailureException("Timed out",
                new MongoTimeoutException("Timed out while waiting for a server")));

        topic.publish(opened);

        await().atMost(PATIENCE).until(() -> listener.applied(opened.incidentId()));
        assertThat(listener.attempts(opened.incidentId())).isEqualTo(9);
        assertThat(topic.deadLetterValues()).doesNotContain(opened.json());
    }

    @Test
    void aFailureThatRepeatsIsParkedAfterThreeTriesAndTheIncidentsLaterEventsStillApply() {
        TestEvent tooLarge = TestEvent.opened();
        TestEvent later = TestEvent.opened();
        double parkedBefore = parked("permanent");
        listener.script(tooLarge.incidentId(), Integer.MAX_VALUE,
                () -> new BsonMaximumSizeExceededException("Payload document size is larger than maximum of 16793600."));

        // Same key: same partition, so the later event waits behind the failing one.
        topic.publish(later.incidentId(), tooLarge.json());
        topic.publish(later);

        await().atMost(PATIENCE).until(() -> listener.applied(later.incidentId()));
        assertThat(listener.attempts(tooLarge.incidentId())).isEqualTo(3);
        await().atMost(PATIENCE).until(() -> topic.deadLetterValues().contains(tooLarge.json()));
        assertThat(parked("permanent")).isEqualTo(parkedBefore + 1);
    }

    @Test
    void aRepeatingFailureThatMeetsAnOutageWaitsForTheOutageInsteadOfBeingParked() {
        TestEvent opened = TestEvent.opened();
        var script = new ArrayDeque<Supplier<RuntimeException>>();
        script.add(() -> new IllegalStateException("a bug"));
        for (int outage = 0; outage < 5; outage++) {
            script.add(() -> new DataAccessResourceFailureException("down", new java.net.ConnectException("refused")));
        }
        listener.script(opened.incidentId(), script);

        topic.publish(opened);

        await().atMost(PATIENCE).until(() -> listener.applied(opened.incidentId()));
        assertThat(listener.attempts(opened.incidentId())).isEqualTo(7);
        assertThat(topic.deadLetterValues()).doesNotContain(opened.json());
    }

    private double parked(String reason) {
        Counter counter = meters.find("incident.events.deadlettered").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ConsumingApplication {

        @Bean
        ScriptedListener scriptedListener(IncidentEventReader reader) {
            return new ScriptedListener(reader);
        }
    }

    /** Fails each incident's events as scripted, then applies them. */
    static class ScriptedListener {

        private final IncidentEventReader reader;
        private final Map<String, Queue<Supplier<RuntimeException>>> scripts = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Set<String> applied = ConcurrentHashMap.newKeySet();

        ScriptedListener(IncidentEventReader reader) {
            this.reader = reader;
        }

        void script(String incidentId, int failures, Supplier<RuntimeException> failure) {
            var script = new ArrayDeque<Supplier<RuntimeException>>();
            for (int i = 0; i < Math.min(failures, 1_000); i++) {
                script.add(failure);
            }
            script(incidentId, script);
        }

        void script(String incidentId, Queue<Supplier<RuntimeException>> script) {
            scripts.put(incidentId, script);
        }

        boolean applied(String incidentId) {
            return applied.contains(incidentId);
        }

        int attempts(String incidentId) {
            return attempts.getOrDefault(incidentId, new AtomicInteger()).get();
        }

        @KafkaListener(topics = Topics.INCIDENT_EVENTS, groupId = "failure-handling-test")
        void on(ConsumerRecord<String, String> record) {
            String incidentId = reader.read(record.value()).incidentId();
            attempts.computeIfAbsent(incidentId, id -> new AtomicInteger()).incrementAndGet();
            Supplier<RuntimeException> failure = scripts.getOrDefault(incidentId, new ArrayDeque<>()).poll();
            if (failure != null) {
                throw failure.get();
            }
            applied.add(incidentId);
        }
    }
}
