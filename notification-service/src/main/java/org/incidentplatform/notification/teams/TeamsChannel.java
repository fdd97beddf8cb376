package org.incidentplatform.notification.teams;

import org.incidentplatform.notification.paging.PagingLinks;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.incidentplatform.notification.channel.ChannelTargets;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.JsonPost;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.channel.RouteTarget;
import org.incidentplatform.notification.channel.SendResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Microsoft Teams: one Adaptive Card per update, posted to the target's incoming webhook. */
@Component
class TeamsChannel implements NotificationChannel {

    static final String NAME = "teams";

    private final TeamsProperties properties;
    private final JsonMapper json;
    private final PagingLinks links;

    TeamsChannel(TeamsProperties properties, JsonMapper json, PagingLinks links) {
        this.properties = properties;
        this.json = json;
        this.links = links;
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
        return ChannelTargets.fallback(properties.targets(), target, TeamsProperties.Target::fallback);
    }

    @Override
    public Duration minInterval() {
        return properties.minInterval();
    }

    /** Who acted, as incident-service records a link that names no person. */
    static final String ACTION_LINK_ACTOR = "teams-card";

    @Override
    public SendResult send(Dispatch dispatch) {
        String body = json.writeValueAsString(AdaptiveCards.message(dispatch.incident(), dispatch.latest(),
                links.channelActions(dispatch, ACTION_LINK_ACTOR)));
        int status = JsonPost.send(properties.targets().get(dispatch.target()).url(), "application/json", body,
                Map.of(), properties.timeout());
        return SendResult.all(status, dispatch);
    }
}
