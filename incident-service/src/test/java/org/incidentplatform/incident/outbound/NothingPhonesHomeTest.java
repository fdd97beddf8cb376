package org.incidentplatform.incident.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A started incident-service talks to its MongoDB and Kafka and to nothing else: no update
 * check, no usage report, no DNS lookup of a host outside this machine.
 */
class NothingPhonesHomeTest {

    @Test
    void aStartedServiceLooksUpAndConnectsToNoHostBeyondItsConfiguredTargets() throws Exception {
        try (OutboundTraffic traffic = OutboundTraffic.arm()) {
            ConfigurableApplicationContext service = startAsMainWould(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                    "--spring.mongodb.uri=" + SharedInfrastructure.mongo().uri("incident-service-outbound"),
                    "--incidents.security.bootstrap-api-key=" + ApiClient.ADMIN_KEY);
            try {
                // Axon's update checker sends its first report one second after start.
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                        assertThat(traffic.beyondThisMachine()).as("hosts beyond this machine among " + traffic.hosts())
                                .isEmpty());
            } finally {
                service.close();
            }
        }
    }

    /**
     * Axon leaves its update checker out when a test framework is on the stack of the thread that
     * builds the context (TestEnvironmentDetector), which would hide the very traffic this test
     * looks for. So the service starts as main() starts it, on a thread of its own.
     */
    private static ConfigurableApplicationContext startAsMainWould(String... args) throws Exception {
        CompletableFuture<ConfigurableApplicationContext> started = new CompletableFuture<>();
        Thread.ofPlatform().name("incident-service-main").start(() -> {
            try {
                started.complete(SpringApplication.run(IncidentServiceApplication.class, args));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        });
        return started.get(3, TimeUnit.MINUTES);
    }
}
