package org.incidentplatform.incident.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import com.slack.api.model.event.ReactionAddedEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A reaction (:pushpin: by default) on a message in an incident's channel adds that message to the
 * incident's timeline as an internal note, with its author and the time it was posted. Whoever
 * reacts must be allowed to act ({@link SlackActors}); the note is added once per message however
 * often it is pinned or Slack delivers the event, and the message's thread says so.
 */
@Component
class SlackPins {

    private static final Logger log = LoggerFactory.getLogger(SlackPins.class);
    /** A note's longest text, as through the REST API; a longer message is cut and says so. */
    private static final int LONGEST_NOTE = 9_000;

    private final SlackProperties properties;
    private final IncidentChannels channels;
    private final SlackActors actors;
    private final SlackIncidentActions actions;

    SlackPins(SlackProperties properties, IncidentChannels channels, SlackActors actors, SlackIncidentActions actions) {
        this.properties = properties;
        this.channels = channels;
        this.actors = actors;
        this.actions = actions;
    }

    Response reactionAdded(EventsApiPayload<ReactionAddedEvent> payload, EventContext context)
            throws IOException, SlackApiException {
        ReactionAddedEvent reaction = payload.getEvent();
        ReactionAddedEvent.Item item = reaction.getItem();
        if (!properties.noteReaction().equals(reaction.getReaction()) || item == null || !"message".equals(item.getType())) {
            return context.ack();
        }
        Optional<String> incidentId = channels.incidentOf(item.getChannel());
        if (incidentId.isEmpty()) {
            return context.ack(); // Not an incident's channel: a pin like any other.
        }
        Optional<SlackActors.Actor> pinnedBy = actors.actor(reaction.getUser());
        if (pinnedBy.isEmpty()) {
            context.client().chatPostEphemeral(r -> r.channel(item.getChannel()).user(reaction.getUser())
                    .text(SlackActors.refusal(reaction.getUser())));
            return context.ack();
        }
        Optional<Message> message = message(context, item.getChannel(), item.getTs());
        if (message.isEmpty()) {
            log.info("A pinned message in {} at {} could not be read back from Slack", item.getChannel(), item.getTs());
            return context.ack();
        }
        SlackIncidentActions.Answer answer = actions.note(incidentId.get(), text(message.get()), postedAt(item.getTs()),
                author(message.get()), pinnedBy.get(), item.getChannel() + ":" + item.getTs());
        if (answer.changed()) {
            context.client().chatPostMessage(r -> r.channel(item.getChannel()).threadTs(item.getTs()).text(answer.text()));
        }
        return context.ack();
    }

    /** The message itself: a channel message from the history, else a thread reply from its thread. */
    private static Optional<Message> message(EventContext context, String channel, String ts)
            throws IOException, SlackApiException {
        ConversationsHistoryResponse history = context.client().conversationsHistory(r -> r.channel(channel)
                .latest(ts).oldest(ts).inclusive(true).limit(1));
        Optional<Message> found = history.isOk() ? sameTs(history.getMessages(), ts) : Optional.empty();
        if (found.isPresent()) {
            return found;
        }
        ConversationsRepliesResponse replies = context.client().conversationsReplies(r -> r.channel(channel).ts(ts)
                .latest(ts).oldest(ts).inclusive(true).limit(1));
        return replies.isOk() ? sameTs(replies.getMessages(), ts) : Optional.empty();
    }

    private static Optional<Message> sameTs(List<Message> messages, String ts) {
        return messages == null ? Optional.empty() : messages.stream().filter(m -> ts.equals(m.getTs())).findFirst();
    }

    private SlackActors.Actor author(Message message) {
        if (message.getUser() != null) {
            return actors.author(message.getUser());
        }
        String app = message.getUsername() != null ? message.getUsername() : String.valueOf(message.getBotId());
        return new SlackActors.Actor(String.valueOf(message.getBotId()), "Slack app " + app, "Slack app " + app + " via Slack");
    }

    private static String text(Message message) {
        String text = message.getText() == null || message.getText().isBlank() ? "(a message without text)" : message.getText();
        return text.length() <= LONGEST_NOTE ? text : text.substring(0, LONGEST_NOTE) + "… (cut: the message is longer)";
    }

    /** A Slack ts is seconds and microseconds since the epoch: "1765012345.000200". */
    static Instant postedAt(String ts) {
        BigDecimal seconds = new BigDecimal(ts);
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
}
