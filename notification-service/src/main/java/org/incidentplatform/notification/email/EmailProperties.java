package org.incidentplatform.notification.email;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.email}: who e-mails come from and which lists they go to. The SMTP server
 * itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} e-mail is off.
 *
 * @param from    the sender address
 * @param targets target name to recipients, e.g. {@code oncall: {to: [oncall@example.com]}}
 */
@ConfigurationProperties("notifications.email")
record EmailProperties(
        @DefaultValue("incidents@localhost") String from,
        @DefaultValue Map<String, Target> targets) {

    /**
     * @param to       recipients; an empty list disables the target
     * @param fallback where deliveries go once dead-lettered here
     */
    record Target(@DefaultValue List<String> to, String fallback) {
    }
}
