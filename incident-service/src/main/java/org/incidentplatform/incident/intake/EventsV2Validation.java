package org.incidentplatform.incident.intake;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The Events API v2 rules, with error messages in the style senders already handle. */
final class EventsV2Validation {

    static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    private static final int MAX_LINKS = 50;

    private EventsV2Validation() {
    }

    static List<String> errorsOf(EventsV2Event event) {
        List<String> errors = new ArrayList<>();
        if (blank(event.routingKey())) {
            errors.add("'routing_key' is missing or blank");
        } else if (event.routingKey().length() > 128) {
            errors.add("'routing_key' must be at most 128 characters");
        }
        if (blank(event.eventAction()) || !ACTIONS.contains(event.eventAction())) {
            errors.add("'event_action' must be one of trigger, acknowledge, resolve");
        }
        if (event.dedupKey() != null && event.dedupKey().length() > 255) {
            errors.add("'dedup_key' must be at most 255 characters");
        }
        if ("trigger".equals(event.eventAction())) {
            triggerErrors(event.payload(), errors);
        } else if (event.eventAction() != null && ACTIONS.contains(event.eventAction()) && blank(event.dedupKey())) {
            errors.add("'dedup_key' is required to " + event.eventAction());
        }
        if (event.links() != null) {
            if (event.links().size() > MAX_LINKS) {
                errors.add("'links' may hold at most " + MAX_LINKS + " entries");
            }
            for (int i = 0; i < event.links().size(); i++) {
                var link = event.links().get(i);
                if (link == null || blank(link.href()) || link.href().length() > 4096
                        || !(link.href().startsWith("http://") || link.href().startsWith("https://"))) {
                    errors.add("'links[" + i + "].href' must be an http(s) URL of at most 4096 characters");
                } else if (link.text() != null && link.text().length() > 1024) {
                    errors.add("'links[" + i + "].text' must be at most 1024 characters");
                }
            }
        }
        if (event.images() != null && event.images().size() > MAX_LINKS) {
            errors.add("'images' may hold at most " + MAX_LINKS + " entries");
        }
        return errors;
    }

    private static void triggerErrors(EventsV2Event.Payload payload, List<String> errors) {
        if (payload == null) {
            errors.add("'payload' is required to trigger");
            return;
        }
        if (blank(payload.summary())) {
            errors.add("'payload.summary' is missing or blank");
        } else if (payload.summary().length() > 1024) {
            errors.add("'payload.summary' must be at most 1024 characters");
        }
        if (blank(payload.source())) {
            errors.add("'payload.source' is missing or blank");
        } else if (payload.source().length() > 1024) {
            errors.add("'payload.source' must be at most 1024 characters");
        }
        if (blank(payload.severity()) || !SEVERITIES.contains(payload.severity())) {
            errors.add("'payload.severity' must be one of critical, error, warning, info");
        }
        if (payload.timestamp() != null) {
            try {
                OffsetDateTime.parse(payload.timestamp());
            } catch (DateTimeParseException e) {
                errors.add("'payload.timestamp' must be an ISO 8601 date-time with offset");
            }
        }
        for (String[] field : new String[][] {{"component", payload.component()}, {"group", payload.group()},
                {"class", payload.eventClass()}}) {
            if (field[1] != null && field[1].length() > 1024) {
                errors.add("'payload." + field[0] + "' must be at most 1024 characters");
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
