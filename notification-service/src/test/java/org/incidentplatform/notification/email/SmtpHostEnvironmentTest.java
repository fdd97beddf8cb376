package org.incidentplatform.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
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
