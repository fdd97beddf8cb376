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
                "spring.mongodb.uri=" + SharedInfrastructure.mongo().uri("incident-service-test"))
                .applyTo(context);
    }
}
