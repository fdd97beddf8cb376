package org.incidentplatform.notification.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
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
        // The text keeps the signed link (it works without the app's interactivity); the button
        // acknowledges as the Slack user who clicks it, through incident-service's Slack app.
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(text.toString()))),
                actions(a -> a.blockId("page-actions").elements(List.of(SlackBlocks.action(SlackBlocks.ACKNOWLEDGE,
                        "Acknowledge", message.page().incidentId(), "primary")))));
        slack.call("chat.postMessage", methods -> methods.chatPostMessage(r -> r.channel(address).text(text.toString())
                .blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
        return 200;
    }
}
