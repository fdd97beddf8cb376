package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.notification.DeliveriesClient.deliveriesOf;

import java.time.Duration;
import org.incidentplatform.consuming.testing.IncidentTopic;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.web.client.RestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The open-incident scenario against a real MongoDB and a real Kafka; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incidents.security.bootstrap-api-key=" + TestCredentials.ADMIN_KEY)
class DeliveriesOnRealInfrastructureTest {

    @Container
    @ServiceConnection
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    @Container
    @ServiceConnection
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");

    @LocalServerPort
    private int port;

    @Test
    void anOpenedIncidentIsDeliveredToTheLogChannel() {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestCredentials.ADMIN_KEY).build();
        TestEvent opened = TestEvent.opened();

        try (var topic = new IncidentTopic(kafka.getBootstrapServers())) {
            topic.publish(opened);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> !deliveriesOf(http, opened.incidentId()).isEmpty());
        assertThat(deliveriesOf(http, opened.incidentId()).get(0).path("channel").asString()).isEqualTo("log");
    }
}
