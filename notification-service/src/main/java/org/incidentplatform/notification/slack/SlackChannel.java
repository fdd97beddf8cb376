package org.incidentplatform.notification.slack;

import com.slack.api.model.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.incidentplatform.notification.channel.ChannelTargets;
import org.incidentplatform.notification.channel.DeliveryFailure;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.IncidentSnapshot;
import org.incidentplatform.notification.channel.MessageThreads;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.channel.RouteTarget;
import org.incidentplatform.notification.channel.SendResult;
import org.springframework.stereotype.Component;

/**
 * Slack through the Web API: one parent message per incident and channel showing its current
 * state (edited with {@code chat.update}), every later update a reply in its thread.
 *
 * <p>The parent's {@code ts} is recorded as soon as it is posted and before any reply. Every
 * message carries metadata naming the incident and delivery, so that after a send was cut off
 * (a crash between posting and recording) the channel looks in the channel history (parent) or
 * the thread (reply) for it before posting again.
 */
@Component
class SlackChannel implements NotificationChannel {

    static final String NAME = "slack";
    static final String METADATA_TYPE = "incident_notification";

    private final SlackProperties properties;
    private final SlackApi slack;
    private final MessageThreads threads;
    private final SlackHistory history;
    private final SlackPacer pacer;

    SlackChannel(SlackProperties properties, SlackApi slack, MessageThreads threads, SlackHistory history,
            SlackPacer pacer) {
        this.pacer = pacer;
        this.properties = properties;
        this.slack = slack;
        this.threads = threads;
        this.history = history;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> targets() {
        return properties.enabled() ? properties.targets().keySet() : Set.of();
    }

    @Override
    public Optional<RouteTarget> fallback(String target) {
        return ChannelTargets.fallback(properties.targets(), target, SlackProperties.Target::fallback);
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
        String channel = properties.targets().get(dispatch.target()).channel();
        IncidentSnapshot incident = dispatch.incident();
        Optional<String> parent = threads.find(NAME, dispatch.target(), incident.incidentId());
        if (parent.isEmpty()) {
            Optional<String> postedBefore = dispatch.mayHaveBeenSent()
                    ? history.findParent(channel, incident.incidentId()) : Optional.empty();
            if (postedBefore.isEmpty()) {
                String ts = pacer.paced(channel, () -> slack.call("chat.postMessage", m -> m.chatPostMessage(r -> r
                        .channel(channel)
                        .text(SlackBlocks.fallbackText(incident.headline() + ": " + dispatch.updates().getFirst().text()))
                        .blocks(SlackBlocks.parent(incident, dispatch.latest().text()))
                        .metadata(metadata(incident.incidentId(), dispatch.updates().getFirst().deliveryId()))
                        .unfurlLinks(false)))).getTs();
                threads.record(NAME, dispatch.target(), incident.incidentId(), ts);
            } else {
                threads.record(NAME, dispatch.target(), incident.incidentId(), postedBefore.get());
            }
            // The parent announced the first update. The rest wait for the channel's next slot:
            // a second message right now would exceed Slack's one per second.
            return new SendResult(200, 1);
        }
        String ts = parent.get();
        String lastDelivery = dispatch.latest().deliveryId();
        boolean repliedBefore = dispatch.mayHaveBeenSent() && history.hasReply(channel, ts, lastDelivery);
        if (!repliedBefore) {
            pacer.paced(channel, () -> slack.call("chat.postMessage", m -> m.chatPostMessage(r -> r.channel(channel)
                    .threadTs(ts)
                    .text(SlackBlocks.fallbackText(SlackBlocks.replyText(dispatch)))
                    .blocks(SlackBlocks.reply(dispatch))
                    .metadata(metadata(incident.incidentId(), lastDelivery))
                    .unfurlLinks(false))));
        }
        // After the reply, so that the reply goes out right at the rate-limit slot; chat.update
        // is not limited per channel. Editing again on a retry is harmless.
        try {
            slack.call("chat.update", m -> m.chatUpdate(r -> r.channel(channel).ts(ts)
                    .text(SlackBlocks.fallbackText(incident.headline() + ": " + incident.statusOrUnknown()))
                    .blocks(SlackBlocks.parent(incident, dispatch.latest().text()))));
        } catch (DeliveryFailure editFailed) {
            // No response code on purpose: the reply is out, so the retry must look for it first.
            throw new DeliveryFailure("reply posted, parent not edited: " + editFailed.getMessage(), null,
                    editFailed.retryAfter(), editFailed);
        }
        return SendResult.all(200, dispatch);
    }

    static Message.Metadata metadata(String incidentId, String deliveryId) {
        return Message.Metadata.builder().eventType(METADATA_TYPE)
                .eventPayload(Map.of("incident_id", incidentId, "delivery_id", deliveryId)).build();
    }

    static boolean isAbout(Message message, String key, String value) {
        return message.getMetadata() != null && METADATA_TYPE.equals(message.getMetadata().getEventType())
                && message.getMetadata().getEventPayload() != null
                && value.equals(String.valueOf(message.getMetadata().getEventPayload().get(key)));
    }

    static List<Message> orEmpty(List<Message> messages) {
        return messages == null ? List.of() : messages;
    }
}
