package org.incidentplatform.incident;

import org.incidentplatform.embedded.SharedInfrastructure;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the service at the shared embedded broker and MongoDB server of this test JVM. */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "spring.mongodb.uri=" + SharedInfrastructure.mongo().uri("incident-service-test"),
                "incidents.security.bootstrap-api-key=" + ApiClient.ADMIN_KEY,
                // Tests share one admin key across many requests; rate limiting has its own tests.
                "incidents.security.rate-limit.per-second=100000",
                "incidents.security.rate-limit.burst=100000",
                "incidents.paging.link-secret=" + org.incidentplatform.security.testing.TestCredentials.PAGE_LINK_SECRET,
                // Escalation tests use steps of seconds; their timers are looked for often.
                "incidents.escalation.poll-interval=PT0.2S",
                // The Slack app, against a local stand-in of Slack; SEV1 incidents get a channel.
                "incidents.slack.api-url=" + org.incidentplatform.incident.slack.SlackStandIn.shared().apiUrl(),
                "incidents.slack.bot-token=" + org.incidentplatform.incident.slack.SlackStandIn.BOT_TOKEN,
                "incidents.slack.signing-secret=" + org.incidentplatform.incident.slack.SlackStandIn.SIGNING_SECRET,
                "incidents.slack.channel-severities=SEV1")
                .applyTo(context);
    }
}
