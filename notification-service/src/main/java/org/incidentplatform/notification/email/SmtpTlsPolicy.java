package org.incidentplatform.notification.email;

import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP credentials only travel encrypted: when {@code spring.mail.username} is set, the session
 * requires STARTTLS (or uses implicit TLS when configured), so a server without TLS gets no AUTH
 * and the send fails. A local relay that has no TLS is allowed explicitly with
 * {@code notifications.email.allow-plaintext-credentials=true}. Turning STARTTLS off by hand
 * while sending credentials, without that opt-out, stops the service at start.
 */
final class SmtpTlsPolicy implements BeanPostProcessor {

    static final String OPT_OUT = "notifications.email.allow-plaintext-credentials";

    private final Environment environment;

    SmtpTlsPolicy(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender) {
            apply(sender, environment.getProperty(OPT_OUT, Boolean.class, false));
        }
        return bean;
    }

    static void apply(JavaMailSenderImpl sender, boolean allowPlaintextCredentials) {
        if (sender.getUsername() == null || sender.getUsername().isBlank() || allowPlaintextCredentials) {
            return;
        }
        String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
        Properties properties = sender.getJavaMailProperties();
        if ("smtps".equals(protocol) || "true".equals(properties.getProperty("mail." + protocol + ".ssl.enable"))) {
            return; // Implicit TLS: the connection is encrypted before anything is said.
        }
        String enable = "mail." + protocol + ".starttls.enable";
        String required = "mail." + protocol + ".starttls.required";
        if ("false".equals(properties.getProperty(enable)) || "false".equals(properties.getProperty(required))) {
            throw new IllegalStateException("SMTP credentials are set (spring.mail.username) but STARTTLS is turned off ("
                    + enable + " / " + required + "): the password would cross the network in clear text. Remove those "
                    + "settings, use implicit TLS (spring.mail.ssl.enabled=true), or, for a local relay only, set "
                    + OPT_OUT + "=true (SMTP_ALLOW_PLAINTEXT_CREDENTIALS).");
        }
        properties.setProperty(enable, "true");
        properties.setProperty(required, "true");
        sender.setJavaMailProperties(properties);
    }
}
