package org.incidentplatform.incident.intake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The per-integration intake budget ({@code incidents.intake.budget.per-second} sustained,
 * {@code burst} at once), as a servlet filter ahead of idempotency and intake.
 */
@Configuration(proxyBeanMethods = false)
class IntakeBudgetConfiguration {

    @Bean
    FilterRegistrationBean<IntakeBudgetFilter> intakeBudgetFilter(
            @Value("${incidents.intake.budget.per-second:500}") double perSecond,
            @Value("${incidents.intake.budget.burst:5000}") int burst) {
        var registration = new FilterRegistrationBean<>(new IntakeBudgetFilter(new IntakeBudget(perSecond, burst)));
        registration.addUrlPatterns("/api/v1/integrations/*", "/api/v1/alerts/*", "/api/v1/events/enqueue", "/v2/enqueue");
        // Before the idempotency filter (LOWEST_PRECEDENCE - 10): a refused request costs nothing.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }
}
