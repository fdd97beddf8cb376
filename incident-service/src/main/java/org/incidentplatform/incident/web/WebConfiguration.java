package org.incidentplatform.incident.web;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** "Not in the future" tolerates five minutes of clock skew between a client and this service. */
    @Bean
    ValidationConfigurationCustomizer clockSkewTolerance() {
        return configuration -> configuration.addProperty("hibernate.validator.temporal_validation_tolerance", "300000");
    }
}
