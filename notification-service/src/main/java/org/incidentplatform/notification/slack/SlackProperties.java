package org.incidentplatform.notification.slack;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.slack}: the Slack app (bot token) and the channels it posts to.
 *
 * @param apiUrl      Slack's Web API base, ending in {@code /}; tests point it at a local fake
 * @param token       the bot token ({@code xoxb-...}), from SLACK_BOT_TOKEN only; empty disables Slack
 * @param minInterval least time between two messages to one channel (Slack allows about one per second)
 * @param timeout     longest a call may take
 * @param targets     target name to Slack channel, e.g. {@code ops: {channel: "#incidents"}}
 */
@ConfigurationProperties("notifications.slack")
record SlackProperties(
        @DefaultValue("https://slack.com/api/") String apiUrl,
        String token,
        @DefaultValue("1s") Duration minInterval,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Map<String, Target> targets) {

    /**
     * @param channel  the Slack channel id or name
     * @param fallback where deliveries go once dead-lettered here, e.g. {@code email:oncall}
     */
    record Target(String channel, String fallback) {
    }

    boolean enabled() {
        return token != null && !token.isBlank();
    }
}
