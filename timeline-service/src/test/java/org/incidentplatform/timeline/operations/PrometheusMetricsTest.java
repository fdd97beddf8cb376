package org.incidentplatform.timeline.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * What an operator scrapes from /actuator/prometheus (admin key only): dead-lettered and
 * unknown-type counts, consumer lag of the service's consumer group, and the listener timings.
 */
class PrometheusMetricsTest extends TimelineServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anUnreadableRecordIsCountedAsDeadLettered() {
        double before = deadLettered();
        topic.publish("garbage-" + System.nanoTime(), "{not a cloud event");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLettered()).isGreaterThan(before));
    }

    @Test
    void unknownTypesConsumerLagAndListenerTimingsAreExposed() {
        TestEvent unknown = TestEvent.opened().withType("org.incidentplatform.incident.not-invented-yet.v1");
        topic.publish(unknown.incidentId(), unknown.json());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scrape())
                .contains("incident_events_unknown_total{")
                .contains("kafka_consumer_fetch_manager_records_lag_max{")
                .contains("spring_kafka_listener_seconds_count{")
                .contains("application=\"timeline-service\""));
    }

    @Test
    void theScrapeNeedsTheAdminKey() {
        int status = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(401);
    }

    private double deadLettered() {
        Matcher sample = Pattern.compile("(?m)^incident_events_deadlettered_total\\{[^}]*topic=\"incident-events\\.v1\"[^}]*} (\\S+)$")
                .matcher(scrape());
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").retrieve().body(String.class);
    }
}
