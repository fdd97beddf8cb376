package org.incidentplatform.notification.webhook;

import java.time.Clock;
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
import org.incidentplatform.notification.channel.Update;
import org.springframework.stereotype.Component;

/**
 * Generic outbound webhooks: the incident CloudEvent exactly as consumed, one call per event,
 * signed with the target's secret. The delivery id header lets receivers drop the repeat of a
 * call whose response was lost (at-least-once on the wire).
 */
@Component
class WebhookChannel implements NotificationChannel {

    static final String NAME = "webhook";
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final WebhookProperties properties;
    private final Clock clock;

    WebhookChannel(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> targets() {
        return ChannelTargets.usable(properties.targets(), WebhookProperties.Target::usable);
    }

    @Override
    public Optional<RouteTarget> fallback(String target) {
        return ChannelTargets.fallback(properties.targets(), target, WebhookProperties.Target::fallback);
    }

    @Override
    public Duration minInterval() {
        return properties.minInterval();
    }

    @Override
    public SendResult send(Dispatch dispatch) {
        WebhookProperties.Target target = properties.targets().get(dispatch.target());
        Update update = dispatch.latest();
        long timestamp = clock.instant().getEpochSecond();
        String body = update.cloudEvent();
        int status = JsonPost.send(target.url(), CONTENT_TYPE, body, Map.of(
                "X-Incident-Signature", WebhookSignature.sign(target.secret(), timestamp, body),
                "X-Incident-Timestamp", Long.toString(timestamp),
                "X-Incident-Delivery", update.deliveryId()), properties.timeout());
        return SendResult.all(status, dispatch);
    }
}
