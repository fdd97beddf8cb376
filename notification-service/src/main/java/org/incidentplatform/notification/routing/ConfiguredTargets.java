package org.incidentplatform.notification.routing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.channel.RouteTarget;
import org.springframework.stereotype.Component;

/** Which {@code channel:target} pairs exist in this deployment's configuration. */
@Component
public class ConfiguredTargets {

    private final Map<String, NotificationChannel> channels;

    ConfiguredTargets(List<NotificationChannel> channels) {
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
    }

    public boolean isConfigured(RouteTarget target) {
        NotificationChannel channel = channels.get(target.channel());
        return channel != null && channel.targets().contains(target.target());
    }

    public boolean isKnownChannel(String name) {
        return channels.containsKey(name);
    }

    public boolean isConfigured(String channel, String target) {
        return isConfigured(new RouteTarget(channel, target));
    }

    /** Whether a delivery to this channel and target can be sent: a configured target, or a person's address for paging. */
    public boolean canSend(String channel, String target) {
        NotificationChannel known = channels.get(channel);
        return known != null && known.accepts(target);
    }

    /**
     * The channel of that name; for a name no longer configured (deliveries recorded before a
     * configuration change), a stand-in that fails every send, so those deliveries end
     * dead-lettered and visible rather than stuck.
     */
    public NotificationChannel channel(String name) {
        NotificationChannel channel = channels.get(name);
        return channel != null ? channel : new NotificationChannel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public java.util.Set<String> targets() {
                return java.util.Set.of();
            }

            @Override
            public org.incidentplatform.notification.channel.SendResult send(
                    org.incidentplatform.notification.channel.Dispatch dispatch) {
                throw new org.incidentplatform.notification.channel.DeliveryFailure(
                        "channel " + name + " is not configured", null);
            }
        };
    }
}
