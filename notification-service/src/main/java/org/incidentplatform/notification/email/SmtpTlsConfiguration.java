package org.incidentplatform.notification.email;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Applies {@link SmtpTlsPolicy} to the mail sender Spring Boot builds from {@code spring.mail.*}. */
@Configuration(proxyBeanMethods = false)
class SmtpTlsConfiguration {

    @Bean
    static SmtpTlsPolicy smtpTlsPolicy(Environment environment) {
        return new SmtpTlsPolicy(environment);
    }
}
