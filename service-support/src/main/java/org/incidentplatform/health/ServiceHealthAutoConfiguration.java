package org.incidentplatform.health;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Replaces Boot's MongoDB health indicator (by taking its bean name) with one that uses
 * {@code ping}; the contributor keeps the name {@code mongo}. Adds a Kafka contributor named
 * {@code kafka}. Services put both in their readiness group, never in liveness: a restart does
 * not bring a database or a broker back.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
public class ServiceHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoDatabaseFactory.class)
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabaseFactory databases,
            @Value("${incidents.health.mongo.timeout:2s}") Duration timeout) {
        return new MongoPingHealthIndicator(databases, timeout);
    }

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            @Value("${incidents.health.kafka.timeout:2s}") Duration timeout,
            @Value("${incidents.health.kafka.cache-for:5s}") Duration cacheFor) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout, cacheFor);
    }
}
