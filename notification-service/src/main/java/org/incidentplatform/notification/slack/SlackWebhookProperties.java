package org.incidentplatform.notification.slack;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.slack-webhook}: incoming webhooks, for teams without a bot token, and for
 * Slack-compatible chat (Mattermost) that accepts the same JSON.
 *
 * @param minInterval least time between two messages to one webhook
 * @param timeout     longest a call may take
 * @param targets     target name to webhook; the URL is a secret, so from the environment
 */
@ConfigurationProperties("notifications.slack-webhook")
record SlackWebhookProperties(
        @DefaultValue("1s") Duration minInterval,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Map<String, Target> targets) {

    /**
     * @param url      the incoming-webhook URL; empty disables the target
     * @param markdown {@code slack} (mrkdwn, the default) or {@code mattermost} (Markdown) for the text
     * @param fallback where deliveries go once dead-lettered here
     */
    record Target(String url, @DefaultValue("slack") String markdown, String fallback) {
    }
}
