package org.incidentplatform.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Against GreenMail speaking plain SMTP (no STARTTLS), with the service's mail configuration. */
class SmtpTlsPolicyTest {

    private GreenMail smtp;
    private ApplicationContextRunner context;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.setUser("relay@example.test", "relay-user", "relay-password");
        context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withUserConfiguration(SmtpTlsConfiguration.class)
                .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort());
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void credentialsAreNotSentToAServerWithoutStarttls() {
        context.withPropertyValues("spring.mail.username=relay-user", "spring.mail.password=relay-password")
                .run(started -> {
                    assertThatThrownBy(() -> started.getBean(JavaMailSender.class).send(mail()))
                            .isInstanceOf(MailSendException.class)
                            .hasStackTraceContaining("STARTTLS");
                    assertThat(smtp.getReceivedMessages()).isEmpty();
                });
    }

    @Test
    void aLocalRelayWithoutTlsCanBeAllowedExplicitly() {
        context.withPropertyValues("spring.mail.username=relay-user", "spring.mail.password=relay-password",
                SmtpTlsPolicy.OPT_OUT + "=true").run(started -> {
                    started.getBean(JavaMailSender.class).send(mail());
                    assertThat(smtp.getReceivedMessages()).hasSize(1);
                });
    }

    @Test
    void withoutCredentialsNoTlsIsRequired() {
        context.run(started -> {
            started.getBean(JavaMailSender.class).send(mail());
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        });
    }

    @Test
    void turningStarttlsOffWhileSendingCredentialsStopsTheStart() {
        context.withPropertyValues("spring.mail.username=relay-user", "spring.mail.password=relay-password",
                "spring.mail.properties[mail.smtp.starttls.required]=false").run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).hasStackTraceContaining("SMTP credentials are set")
                            .hasStackTraceContaining(SmtpTlsPolicy.OPT_OUT);
                });
    }

    private static SimpleMailMessage mail() {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("incidents@example.test");
        mail.setTo("oncall@example.test");
        mail.setSubject("[Incident] test");
        mail.setText("test");
        return mail;
    }
}
