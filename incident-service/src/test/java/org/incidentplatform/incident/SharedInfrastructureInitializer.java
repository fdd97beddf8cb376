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
                "incidents.escalation.poll-interval=PT0.2S")
                .applyTo(context);
    }
}
