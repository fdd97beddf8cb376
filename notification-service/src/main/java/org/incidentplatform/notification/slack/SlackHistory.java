package org.incidentplatform.notification.slack;

import com.slack.api.model.Message;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Looks for a message posted before a crash cut the send off, by the metadata every message
 * carries. Searches the newest page only (100 messages): in a busy channel a parent posted long
 * ago may be missed, and then it is posted a second time. That is the remaining duplicate window.
 */
@Component
class SlackHistory {

    private static final int PAGE = 100;

    private final SlackApi slack;

    SlackHistory(SlackApi slack) {
        this.slack = slack;
    }

    Optional<String> findParent(String channel, String incidentId) {
        return SlackChannel.orEmpty(slack.call("conversations.history", m -> m.conversationsHistory(r -> r
                        .channel(channel).limit(PAGE).includeAllMetadata(true))).getMessages()).stream()
                .filter(message -> message.getThreadTs() == null || message.getThreadTs().equals(message.getTs()))
                .filter(message -> SlackChannel.isAbout(message, "incident_id", incidentId))
                .map(Message::getTs)
                .reduce((newer, older) -> older);
    }

    boolean hasReply(String channel, String parentTs, String deliveryId) {
        return SlackChannel.orEmpty(slack.call("conversations.replies", m -> m.conversationsReplies(r -> r
                        .channel(channel).ts(parentTs).limit(PAGE).includeAllMetadata(true))).getMessages()).stream()
                .anyMatch(message -> SlackChannel.isAbout(message, "delivery_id", deliveryId));
    }
}
