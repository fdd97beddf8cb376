package org.incidentplatform.timeline.entries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.EscalationStepReached;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.PersonPaged;

/** The wording of the entries whose payload needs more than one sentence fragment. */
final class Texts {

    private Texts() {
    }

    /** {@code MAJOR_OUTAGE} becomes {@code major outage}; {@code INVESTIGATING} becomes {@code Investigating}. */
    static String words(Enum<?> constant) {
        String words = constant == null ? "Update" : constant.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String impact(ImpactAssessed e) {
        List<String> parts = new ArrayList<>();
        if (!e.components().isEmpty()) {
            parts.add(e.components().stream()
                    .map(c -> c.component() + " " + words(c.status()).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
        if (e.customerImpact() != null && !e.customerImpact().isBlank()) {
            parts.add(e.customerImpact());
        }
        if (e.customersAffected() != null) {
            parts.add(e.customersAffected() + " customers affected");
        }
        if (e.dataLoss() != null) {
            parts.add(e.dataLoss().occurred()
                    ? "data lost" + (e.dataLoss().description() == null ? "" : " (" + e.dataLoss().description() + ")")
                    : "no data lost");
        }
        return parts.isEmpty() ? "Impact assessed" : "Impact assessed: " + String.join("; ", parts);
    }

    static String actionItem(ActionItem item) {
        if (item == null) {
            return "(no details)";
        }
        StringBuilder text = new StringBuilder(String.valueOf(item.title()));
        List<String> details = new ArrayList<>();
        if (item.status() != null) {
            details.add(words(item.status()).toLowerCase(Locale.ROOT));
        }
        if (item.owner() != null) {
            details.add("owner " + item.owner());
        }
        if (item.dueDate() != null) {
            details.add("due " + item.dueDate());
        }
        if (!details.isEmpty()) {
            text.append(" (").append(String.join(", ", details)).append(')');
        }
        return text.toString();
    }

    /** "Escalation step 2 of round 1: paging on call for Database primary; next step at 10:05Z unless acknowledged". */
    static String escalationStep(EscalationStepReached e) {
        String text = "Escalation step %d of round %d: paging %s".formatted(e.step(), e.round(),
                e.targets().isEmpty() ? "nobody" : String.join(", ", e.targets()));
        if (!e.unreached().isEmpty()) {
            text += "; not reached: " + String.join("; ", e.unreached());
        }
        return text + (e.deadline() == null ? "" : "; next step at " + e.deadline() + " unless acknowledged");
    }

    /** "Paged Ada Lovelace (on call for Database primary) by e-mail, Slack, SMS after 2 min". */
    static String page(PersonPaged e) {
        List<String> ways = e.contacts().stream().map(c -> way(c.type())
                + (c.afterMinutes() > 0 ? " after " + c.afterMinutes() + " min" : "")).distinct().toList();
        return "Paged %s (%s) by %s".formatted(e.personName(), e.reason(), ways.isEmpty() ? "no contact method" : String.join(", ", ways));
    }

    static String way(String contactType) {
        return switch (contactType == null ? "" : contactType) {
            case "EMAIL" -> "e-mail";
            case "SLACK" -> "Slack";
            case "SMS" -> "SMS";
            case "VOICE" -> "phone call";
            case "NTFY" -> "push";
            default -> String.valueOf(contactType).toLowerCase(java.util.Locale.ROOT);
        };
    }
}
