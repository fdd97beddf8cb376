package org.incidentplatform.notification.webhook;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.webhook}: generic outbound webhooks receiving every routed CloudEvent,
 * signed per target (see docs/webhooks.md).
 *
 * @param minInterval least time between two calls to one target
 * @param timeout     longest a call may take
 * @param targets     target name to receiver
 */
@ConfigurationProperties("notifications.webhook")
record WebhookProperties(
        @DefaultValue("0s") Duration minInterval,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Map<String, Target> targets) {

    /**
     * @param url      where to POST; empty disables the target
     * @param secret   the HMAC key shared with the receiver, from the environment; required
     * @param fallback where deliveries go once dead-lettered here
     */
    record Target(String url, String secret, String fallback) {

        boolean usable() {
            return url != null && !url.isBlank() && secret != null && !secret.isBlank();
        }
    }
}
