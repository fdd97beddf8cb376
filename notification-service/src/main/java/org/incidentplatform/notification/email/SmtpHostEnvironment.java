package org.incidentplatform.notification.email;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Sets {@code spring.mail.host} from {@code SMTP_HOST} only when that is not blank. Spring Boot
 * creates a mail sender, and with it a {@code mail} health check, whenever {@code spring.mail.host}
 * is present, even empty: a {@code host: ${SMTP_HOST:}} in application.yml made a service without
 * SMTP report DOWN (it tried localhost:25) and log a stack trace on each health call. Without a
 * host there is now no sender, no health check, and no e-mail target. An explicit
 * {@code spring.mail.host} (property or {@code SPRING_MAIL_HOST}) wins.
 */
public class SmtpHostEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SMTP_HOST = "SMTP_HOST";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String host = environment.getProperty(SMTP_HOST);
        if (host != null && !host.isBlank() && !environment.containsProperty("spring.mail.host")) {
            environment.getPropertySources().addLast(new MapPropertySource("smtpHost", Map.of("spring.mail.host", host.strip())));
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
