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
        "notifications.routing.rules[4].targets=slack:restart,webhook:audit",
        // Hostile receivers, one target each: a Retry-After pause must not hold up other tests' targets.
        "notifications.webhook.timeout=2s",
        "notifications.webhook.targets.retry-after-seconds.secret=" + NotificationServiceTest.WEBHOOK_SECRET,
        "notifications.webhook.targets.retry-after-date.secret=" + NotificationServiceTest.WEBHOOK_SECRET,
        "notifications.webhook.targets.trickle.secret=" + NotificationServiceTest.WEBHOOK_SECRET,
        "notifications.webhook.targets.huge-body.secret=" + NotificationServiceTest.WEBHOOK_SECRET,
        "notifications.slack.targets.trickle.channel=C-TRICKLE",
        "notifications.slack.targets.huge-body.channel=C-HUGE",
        "notifications.routing.rules[5].id=retry-after-seconds",
        "notifications.routing.rules[5].services=retry-after-seconds",
        "notifications.routing.rules[5].targets=webhook:retry-after-seconds",
        "notifications.routing.rules[6].id=retry-after-date",
        "notifications.routing.rules[6].services=retry-after-date",
        "notifications.routing.rules[6].targets=webhook:retry-after-date",
        "notifications.routing.rules[7].id=trickle",
        "notifications.routing.rules[7].services=trickle",
        "notifications.routing.rules[7].targets=webhook:trickle",
        "notifications.routing.rules[8].id=huge-body",
        "notifications.routing.rules[8].services=huge-body",
        "notifications.routing.rules[8].targets=webhook:huge-body",
        "notifications.routing.rules[9].id=slack-trickle",
        "notifications.routing.rules[9].services=slack-trickle",
        "notifications.routing.rules[9].targets=slack:trickle",
        "notifications.routing.rules[10].id=slack-huge-body",
        "notifications.routing.rules[10].services=slack-huge-body",
        "notifications.routing.rules[10].targets=slack:huge-body"})
public abstract class NotificationServiceTest {

    public static final String GROUP_ID = "notification-service";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String TEAMS_PATH = "/hooks/teams/ops";
    public static final String WEBHOOK_PATH = "/hooks/webhook/audit";
    public static final String NTFY_PATH = "/hooks/ntfy";

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
        registry.add("notifications.paging.twilio.api-url", () -> receivers.url("/twilio"));
        registry.add("notifications.paging.twilio.account-sid", () -> FakeTwilio.ACCOUNT_SID);
        registry.add("notifications.paging.twilio.auth-token", () -> FakeTwilio.AUTH_TOKEN);
        registry.add("notifications.paging.twilio.from", () -> FakeTwilio.FROM);
        registry.add("notifications.paging.ntfy.url", () -> receivers.url(NTFY_PATH));
        registry.add("notifications.paging.acknowledge-base-url", () -> "https://incidents.example.test");
        for (String hostile : new String[] {"retry-after-seconds", "retry-after-date", "trickle", "huge-body"}) {
            registry.add("notifications.webhook.targets." + hostile + ".url", () -> receivers.url(hostilePath(hostile)));
        }
    }

    /** The receiver path of a hostile webhook target; an incident with the service of the same name goes there. */
    public static String hostilePath(String target) {
        return "/hooks/webhook/" + target;
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
