package org.incidentplatform.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Mail exists only when a host is set: an empty SMTP_HOST leaves no sender and no mail health check. */
class SmtpHostEnvironmentTest {

    @Test
    void anEmptyHostConfiguresNoMail() {
        assertThat(mailHostWith(Map.of(SmtpHostEnvironment.SMTP_HOST, ""))).isNull();
        assertThat(mailHostWith(Map.of())).isNull();
    }

    @Test
    void theServiceConfigurationNamesNoMailHostOfItsOwn() throws Exception {
        // A "host: ${SMTP_HOST:}" there made the property present, empty, and mail health DOWN.
        var documents = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        assertThat(documents).isNotEmpty().noneMatch(document -> document.containsProperty("spring.mail.host"));
    }

    @Test
    void aHostConfiguresMail() {
        assertThat(mailHostWith(Map.of(SmtpHostEnvironment.SMTP_HOST, "mailpit"))).isEqualTo("mailpit");
    }

    @Test
    void anExplicitSpringMailHostWins() {
        assertThat(mailHostWith(Map.of(SmtpHostEnvironment.SMTP_HOST, "mailpit", "spring.mail.host", "relay")))
                .isEqualTo("relay");
    }

    private static String mailHostWith(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new SmtpHostEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("spring.mail.host");
    }
}
