package org.incidentplatform.notification.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.notification.paging.PagingLinks;
import org.incidentplatform.pagelinks.PageLink;
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

    /**
     * While the incident waits for someone, the card offers Acknowledge: a signed, expiring link of
     * its own (single-use, checked by incident-service), which works from any Teams client because
     * it only opens a page. Recorded as acknowledged "via a Teams card".
     */
    private Optional<String> acknowledgeUrl(Dispatch dispatch) {
        if (!IncidentStatus.TRIGGERED.name().equals(dispatch.incident().status())) {
            return Optional.empty();
        }
        String linkId = "card-" + HexFormat.of().formatHex(sha256(dispatch.latest().deliveryId())).substring(0, 24);
        return links.acknowledgeUrl(new PageLink(linkId, dispatch.incident().incidentId(), ACTION_LINK_ACTOR,
                Instant.now().plus(links.validity())));
    }

    /** Who acknowledged, as incident-service records a link that names no person. */
    static final String ACTION_LINK_ACTOR = "teams-card";

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public SendResult send(Dispatch dispatch) {
        String body = json.writeValueAsString(AdaptiveCards.message(dispatch.incident(), dispatch.latest(),
                acknowledgeUrl(dispatch)));
        int status = JsonPost.send(properties.targets().get(dispatch.target()).url(), "application/json", body,
                Map.of(), properties.timeout());
        return SendResult.all(status, dispatch);
    }
}
