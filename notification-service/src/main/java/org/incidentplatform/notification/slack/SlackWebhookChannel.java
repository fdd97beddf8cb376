package org.incidentplatform.notification.slack;

import com.slack.api.util.json.GsonFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.incidentplatform.notification.channel.ChannelTargets;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.JsonPost;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.channel.RouteTarget;
import org.incidentplatform.notification.channel.SafeText;
import org.incidentplatform.notification.channel.SendResult;
import org.springframework.stereotype.Component;

/**
 * Slack-style incoming webhooks: a POST of {@code text} and {@code blocks}. Webhooks cannot
 * thread or edit, so each send is one message with the incident's state and the updates it carries.
 */
@Component
class SlackWebhookChannel implements NotificationChannel {

    static final String NAME = "slack-webhook";

    private final SlackWebhookProperties properties;

    SlackWebhookChannel(SlackWebhookProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> targets() {
        return ChannelTargets.usable(properties.targets(), target -> ChannelTargets.hasText(target.url()));
    }

    @Override
    public Optional<RouteTarget> fallback(String target) {
        return ChannelTargets.fallback(properties.targets(), target, SlackWebhookProperties.Target::fallback);
    }

    @Override
    public Duration minInterval() {
        return properties.minInterval();
    }

    @Override
    public boolean coalesces() {
        return true;
    }

    @Override
    public SendResult send(Dispatch dispatch) {
        SlackWebhookProperties.Target target = properties.targets().get(dispatch.target());
        String words = "[%s, %s] %s: %s".formatted(dispatch.incident().severityOrUnknown(),
                dispatch.incident().statusOrUnknown(), dispatch.incident().headline(), SlackBlocks.replyText(dispatch));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", "mattermost".equalsIgnoreCase(target.markdown()) ? SafeText.markdown(words) : SafeText.slack(words));
        var blocks = new java.util.ArrayList<>(SlackBlocks.parent(dispatch.incident(), null, false));
        blocks.addAll(SlackBlocks.reply(dispatch));
        body.put("blocks", blocks);
        String json = GsonFactory.createSnakeCase().toJson(body);
        return SendResult.all(JsonPost.send(target.url(), "application/json", json, Map.of(), properties.timeout()),
                dispatch);
    }
}
