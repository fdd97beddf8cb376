package org.incidentplatform.notification.teams;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.teams}: Microsoft Teams incoming webhooks (Workflows or connector URLs).
 *
 * @param minInterval least time between two cards to one webhook
 * @param timeout     longest a call may take
 * @param targets     target name to webhook; the URL is a secret, so from the environment
 */
@ConfigurationProperties("notifications.teams")
record TeamsProperties(
        @DefaultValue("250ms") Duration minInterval,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Map<String, Target> targets) {

    /**
     * @param url      the webhook URL; empty disables the target
     * @param fallback where deliveries go once dead-lettered here
     */
    record Target(String url, String fallback) {
    }
}
