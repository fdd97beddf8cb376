package org.incidentplatform.notification.slack;

import org.incidentplatform.notification.channel.SafeText;
import org.incidentplatform.notification.paging.PageChannel;
import org.incidentplatform.notification.paging.PageMessage;
import org.incidentplatform.notification.paging.PagingLinks;
import org.springframework.stereotype.Component;

/**
 * Pages by Slack direct message: {@code chat.postMessage} to the person's member id, which Slack
 * delivers as a DM from the app (the bot token's {@code chat:write} scope is enough).
 */
@Component
class SlackPageChannel extends PageChannel {

    private final SlackProperties properties;
    private final SlackApi slack;

    SlackPageChannel(PagingLinks links, SlackProperties properties, SlackApi slack) {
        super(links);
        this.properties = properties;
        this.slack = slack;
    }

    @Override
    public String contactType() {
        return "SLACK";
    }

    @Override
    public boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected int deliver(String address, PageMessage message) {
        StringBuilder text = new StringBuilder(":rotating_light: You are paged for *")
                .append(SafeText.slack(message.title())).append("* (").append(SafeText.slack(message.page().reason()))
                .append(").");
        if (message.acknowledgeUrl() != null) {
            text.append(" <").append(message.acknowledgeUrl()).append("|Acknowledge>");
        }
        if (message.timelineUrl() != null) {
            text.append(" <").append(message.timelineUrl()).append("|Timeline>");
        }
        slack.call("chat.postMessage", methods -> methods.chatPostMessage(r -> r.channel(address).text(text.toString())
                .unfurlLinks(false).unfurlMedia(false)));
        return 200;
    }
}
