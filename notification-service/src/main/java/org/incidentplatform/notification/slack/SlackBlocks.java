package org.incidentplatform.notification.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.IncidentSnapshot;
import org.incidentplatform.notification.channel.SafeText;
import org.incidentplatform.notification.channel.Update;

/**
 * Block Kit for incident messages. Everything people typed goes into {@code plain_text} objects,
 * which Slack never parses for mentions, links or formatting; links are buttons.
 */
final class SlackBlocks {

    static final int MAX_LISTED_UPDATES = 10;
    private static final int HEADER_LIMIT = 150;
    private static final int SECTION_LIMIT = 2_900;

    private SlackBlocks() {
    }

    /**
     * What the buttons ask incident-service's Slack app to do; the button's value is the incident
     * id. The app answers the click (see docs/slack.md), and the next update edits this message.
     */
    static final String ACKNOWLEDGE = "incident.acknowledge";
    static final String RESOLVE = "incident.resolve";
    static final String POST_UPDATE = "incident.update";
    static final String PAGE = "incident.page";

    /** The parent message: the incident as it stands now, with its latest change and who made it. */
    static List<LayoutBlock> parent(IncidentSnapshot incident, String latestChange) {
        return parent(incident, latestChange, true);
    }

    /**
     * @param interactive whether to offer the action buttons: only a message the app posted itself
     *                    can be answered by it (an incoming webhook's Slack-compatible target may
     *                    be Mattermost or Rocket.Chat), so webhooks get the links alone
     */
    static List<LayoutBlock> parent(IncidentSnapshot incident, String latestChange, boolean interactive) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plain(incident.headline(), HEADER_LIMIT))));
        List<TextObject> fields = List.of(
                plain("Severity: " + incident.severityOrUnknown(), 200),
                plain("Status: " + incident.statusOrUnknown(), 200));
        blocks.add(section(s -> s.fields(fields)));
        if (incident.summary() != null && !incident.summary().isBlank()) {
            blocks.add(section(s -> s.text(plain(incident.summary(), SECTION_LIMIT))));
        }
        if (!incident.services().isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(plain("Affected: " + String.join(", ", incident.services()), 500)))));
        }
        if (latestChange != null && !latestChange.isBlank()) {
            blocks.add(context(c -> c.elements(List.of(plain("Latest: " + latestChange, 500)))));
        }
        List<BlockElement> buttons = interactive ? buttons(incident) : links(incident);
        blocks.add(actions(a -> a.blockId("incident-actions").elements(buttons)));
        return blocks;
    }

    /** The actions the incident's status allows, then the two links; a closed incident keeps only the links. */
    static List<BlockElement> buttons(IncidentSnapshot incident) {
        List<BlockElement> buttons = new ArrayList<>();
        String status = incident.statusOrUnknown();
        boolean open = !IncidentStatus.RESOLVED.name().equals(status) && !IncidentStatus.CLOSED.name().equals(status);
        if (IncidentStatus.TRIGGERED.name().equals(status)) {
            buttons.add(action(ACKNOWLEDGE, "Acknowledge", incident.incidentId(), "primary"));
        }
        if (open) {
            buttons.add(action(RESOLVE, "Resolve", incident.incidentId(), null));
            buttons.add(action(POST_UPDATE, "Post update", incident.incidentId(), null));
            buttons.add(action(PAGE, "Page someone", incident.incidentId(), null));
        }
        buttons.addAll(links(incident));
        return buttons;
    }

    private static List<BlockElement> links(IncidentSnapshot incident) {
        return List.of(
                button(b -> b.actionId("timeline").text(plain("Timeline", 75)).url(incident.timelineUrl())),
                button(b -> b.actionId("postmortem").text(plain("Post-mortem", 75)).url(incident.postmortemUrl())));
    }

    static ButtonElement action(String actionId, String label, String incidentId, String style) {
        return button(b -> b.actionId(actionId).text(plain(label, 75)).value(incidentId).style(style));
    }

    /** A thread reply: one update, or a summary of the updates that queued up since the last message. */
    static List<LayoutBlock> reply(Dispatch dispatch) {
        String text = replyText(dispatch);
        return List.of(
                section(s -> s.text(plain(text, SECTION_LIMIT))),
                context(c -> c.elements(List.of(plain("Now " + dispatch.incident().statusOrUnknown() + ", "
                        + dispatch.incident().severityOrUnknown(), 200)))));
    }

    static String replyText(Dispatch dispatch) {
        List<Update> updates = dispatch.updates();
        if (updates.size() == 1) {
            return updates.getFirst().text();
        }
        List<Update> shown = updates.subList(Math.max(0, updates.size() - MAX_LISTED_UPDATES), updates.size());
        StringBuilder text = new StringBuilder(updates.size() + " updates");
        if (shown.size() < updates.size()) {
            text.append(" (the latest ").append(shown.size()).append(" shown)");
        }
        text.append(':');
        shown.forEach(update -> text.append("\n• ").append(update.text()));
        return text.toString();
    }

    /** The notification text for clients that cannot show blocks; mrkdwn, so escaped. */
    static String fallbackText(String text) {
        return SafeText.slack(text);
    }

    private static PlainTextObject plain(String text, int limit) {
        String safe = SafeText.limit(text);
        return plainText(pt -> pt.text(safe.length() <= limit ? safe : safe.substring(0, limit - 1) + "…")
                .emoji(false));
    }
}
