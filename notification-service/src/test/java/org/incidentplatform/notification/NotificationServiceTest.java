package org.incidentplatform.notification;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.incidentplatform.consuming.testing.IncidentTopic;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole service against the JVM's shared Kafka broker and MongoDB server, a real SMTP server
 * (GreenMail) and a local fake of Slack, Teams and webhook receivers. Every test class extends
 * this one unchanged, so the module starts exactly one Spring context. Tests keep apart by
 * incident: the routing rules below send an incident to a target according to its services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notifications.slack.token=xoxb-test",
        "notifications.slack.timeout=1s",
        "notifications.slack.targets.ops.channel=C-OPS",
        "notifications.slack.targets.ops.fallback=email:oncall",
        "notifications.slack.targets.burst.channel=C-BURST",
        "notifications.slack.targets.flaky.channel=C-FLAKY",
        "notifications.slack.targets.flaky.fallback=email:fallback",
        "notifications.slack.targets.restart.channel=C-RESTART",
        "notifications.email.from=incidents@example.test",
        "notifications.email.targets.oncall.to=oncall@example.test",
        "notifications.email.targets.fallback.to=fallback@example.test",
        "notifications.webhook.targets.audit.secret=" + NotificationServiceTest.WEBHOOK_SECRET,
        "notifications.delivery.max-attempts=3",
        "notifications.delivery.initial-back-off=100ms",
        "notifications.delivery.max-back-off=1s",
        "notifications.delivery.lease=3s",
        "notifications.delivery.poll-interval=50ms",
        "notifications.routing.rules[0].id=everything-to-the-log",
        "notifications.routing.rules[0].targets=log:default",
        "notifications.routing.rules[1].id=lifecycle",
        "notifications.routing.rules[1].severities=SEV1,SEV2",
        "notifications.routing.rules[1].services=lifecycle",
        "notifications.routing.rules[1].targets=slack:ops,email:oncall,teams:ops,webhook:audit",
        "notifications.routing.rules[2].id=burst",
        "notifications.routing.rules[2].services=burst",
        "notifications.routing.rules[2].targets=slack:burst",
        "notifications.routing.rules[3].id=flaky",
        "notifications.routing.rules[3].services=flaky",
        "notifications.routing.rules[3].targets=slack:flaky",
        "notifications.routing.rules[4].id=restart",
        "notifications.routing.rules[4].services=restart",
        "notifications.routing.rules[4].targets=slack:restart,webhook:audit"})
public abstract class NotificationServiceTest {

    public static final String GROUP_ID = "notification-service";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String TEAMS_PATH = "/hooks/teams/ops";
    public static final String WEBHOOK_PATH = "/hooks/webhook/audit";

    protected static final FakeReceivers receivers = startReceivers();
    protected static final GreenMail smtp = startSmtp();

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
        registry.add("spring.mongodb.uri", () -> SharedInfrastructure.mongo().uri("notification-service-tests"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("notifications.slack.api-url", () -> receivers.url("/slack/api/"));
        registry.add("notifications.teams.targets.ops.url", () -> receivers.url(TEAMS_PATH));
        registry.add("notifications.webhook.targets.audit.url", () -> receivers.url(WEBHOOK_PATH));
    }

    @Autowired
    private MongoOperations mongoForDiagnostics;

    /**
     * Awaits the condition; on timeout prints the incident's deliveries and the open queues
     * before failing, because "not fulfilled within 20 seconds" alone says nothing about why.
     */
    protected void awaitOrDump(String incidentId, Duration patience, Callable<Boolean> condition) {
        try {
            await().atMost(patience).until(condition);
        } catch (RuntimeException timeout) {
            DeliveriesClient.deliveriesOf(http, incidentId).forEach(d -> System.err.println("Delivery " + d.path("id")
                    + " " + d.path("status") + " attempts=" + d.path("attempts") + " next=" + d.path("nextAttemptAt")
                    + " lease=" + d.path("leaseUntil") + " sending=" + d.path("sendingSince")));
            mongoForDiagnostics.findAll(Map.class, "delivery_queues").forEach(q -> System.err.println("Queue " + q));
            throw timeout;
        }
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

    private static FakeReceivers startReceivers() {
        try {
            return new FakeReceivers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
