package org.incidentplatform.incident.idempotency;

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
class IdempotencyConfiguration {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MongoTemplate mongo) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(new IdempotencyStore(mongo)));
        registration.addUrlPatterns("/api/*");
        // After authentication, so the key is scoped to the authenticated caller.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
