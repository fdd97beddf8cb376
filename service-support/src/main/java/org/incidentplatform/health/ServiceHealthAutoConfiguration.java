package org.incidentplatform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Replaces Boot's MongoDB health indicator (by taking its bean name) with one that uses
 * {@code ping}; the contributor keeps the name {@code mongo}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class ServiceHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoDatabaseFactory.class)
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabaseFactory databases) {
        return new MongoPingHealthIndicator(databases);
    }
}
