package org.incidentplatform.incident.idempotency;

import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Registers the filter explicitly (not by component scan) so that web slice tests, which have no
 * MongoDB, run without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(MongoTemplate mongo, IdempotencyProperties properties) {
        return new IdempotencyStore(mongo, properties.retention());
    }

    @Bean
    IdempotencySweeper idempotencySweeper(IdempotencyStore store, IdempotencyProperties properties) {
        return new IdempotencySweeper(store, properties.sweepInterval());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, IntegrationRepository integrations) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, new IdempotencyScope(integrations)));
        registration.addUrlPatterns("/api/*");
        // After authentication, so the key is scoped to the authenticated caller.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
