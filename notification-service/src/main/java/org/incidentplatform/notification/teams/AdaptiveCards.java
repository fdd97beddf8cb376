package org.incidentplatform.notification.teams;

import java.util.List;
import java.util.Map;
import org.incidentplatform.notification.channel.IncidentSnapshot;
import org.incidentplatform.notification.paging.ActionLinks;
import org.incidentplatform.notification.channel.SafeText;
import org.incidentplatform.notification.channel.Update;

/**
 * The Teams message for one update: an Adaptive Card (schema 1.4) in a message attachment.
 * TextBlocks render a Markdown subset, so people's words are neutralised first.
 */
final class AdaptiveCards {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

    private AdaptiveCards() {
    }

    static Map<String, Object> message(IncidentSnapshot incident, Update update) {
        return message(incident, update, ActionLinks.NONE);
    }

    /** With Acknowledge and Resolve buttons first when the incident's state allows them (signed, single-use links). */
    static Map<String, Object> message(IncidentSnapshot incident, Update update, ActionLinks links) {
        List<Map<String, Object>> actions = new java.util.ArrayList<>();
        links.acknowledge().ifPresent(url -> actions.add(Map.of("type", "Action.OpenUrl", "title", "Acknowledge", "url", url)));
        links.resolve().ifPresent(url -> actions.add(Map.of("type", "Action.OpenUrl", "title", "Resolve", "url", url)));
        actions.add(Map.of("type", "Action.OpenUrl", "title", "Timeline", "url", incident.timelineUrl()));
        actions.add(Map.of("type", "Action.OpenUrl", "title", "Post-mortem", "url", incident.postmortemUrl()));
        Map<String, Object> card = Map.of(
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard",
                "version", "1.4",
                "body", List.of(
                        Map.of("type", "TextBlock", "text", SafeText.markdown(incident.headline()),
                                "weight", "Bolder", "size", "Medium", "wrap", true),
                        Map.of("type", "FactSet", "facts", List.of(
                                fact("Severity", incident.severityOrUnknown()),
                                fact("Status", incident.statusOrUnknown()),
                                fact("Affected", String.join(", ", incident.services())))),
                        Map.of("type", "TextBlock", "text", SafeText.markdown(update.text()), "wrap", true)),
                "actions", List.copyOf(actions));
        return Map.of("type", "message", "attachments", List.of(Map.of("contentType", CONTENT_TYPE, "content", card)));
    }

    private static Map<String, String> fact(String title, String value) {
        return Map.of("title", title, "value", SafeText.markdown(value));
    }
}
