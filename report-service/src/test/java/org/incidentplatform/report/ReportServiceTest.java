package org.incidentplatform.report;

import org.incidentplatform.consuming.testing.IncidentTopic;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole service against the JVM's shared Kafka broker and MongoDB server. Every test class
 * extends this one unchanged, so the module starts exactly one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ReportServiceTest {

    public static final String GROUP_ID = "report-service";

    @LocalServerPort
    protected int port;

    protected RestClient http;
    protected IncidentTopic topic;

    @DynamicPropertySource
    static void sharedInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
        for (String property : TestCredentials.properties()) {
            String[] keyValue = property.split("=", 2);
            registry.add(keyValue[0], () -> keyValue[1]);
        }
        // Tests read the status page right after an event was applied; the rate bound is CachedBoardTest's.
        registry.add("incidents.status-page.refresh.min-interval", () -> "0s");
        registry.add("spring.mongodb.uri", () -> SharedInfrastructure.mongo().uri("report-service-tests"));
    }

    @BeforeEach
    void connect() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestCredentials.ADMIN_KEY)
                .build();
        topic = new IncidentTopic(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }
}
