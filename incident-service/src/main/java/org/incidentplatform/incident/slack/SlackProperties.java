package org.incidentplatform.incident.slack;

import java.time.Duration;
import java.util.List;
import org.incidentplatform.events.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incidents.slack}: the Slack app people act through (buttons, modals, {@code /incident}).
 *
 * @param apiUrl             Slack's Web API base, ending in {@code /}; tests point it at a local stand-in
 * @param botToken           the app's bot token ({@code xoxb-...}), SLACK_BOT_TOKEN; the same app notification-service posts as
 * @param signingSecret      the app's signing secret, SLACK_SIGNING_SECRET; without it (or the token) the app is off
 * @param allowUnlinkedUsers let Slack members who are no person here act, recorded as "Slack user U…";
 *                           off by default, so only people with a SLACK contact method can change incidents
 * @param channelSeverities  severities whose incidents get their own channel (empty: none)
 * @param channelPrefix      start of an incident channel's name
 * @param noteReaction       the reaction (emoji name) that adds a message in an incident channel to the timeline
 * @param timeout            longest a Web API call may take
 */
@ConfigurationProperties("incidents.slack")
record SlackProperties(
        @DefaultValue("https://slack.com/api/") String apiUrl,
        String botToken,
        String signingSecret,
        @DefaultValue("false") boolean allowUnlinkedUsers,
        @DefaultValue List<Severity> channelSeverities,
        @DefaultValue("inc") String channelPrefix,
        @DefaultValue("pushpin") String noteReaction,
        @DefaultValue("10s") Duration timeout) {

    boolean enabled() {
        return present(botToken) && present(signingSecret);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
