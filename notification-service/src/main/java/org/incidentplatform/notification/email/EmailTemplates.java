package org.incidentplatform.notification.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.IncidentSnapshot;
import org.incidentplatform.notification.channel.Update;
import org.incidentplatform.notification.paging.ActionLinks;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the e-mail bodies from {@code templates/email/update.html} and {@code update.txt}.
 * Placeholders are {@code {{name}}}; in the HTML version every value is HTML-escaped, so a title
 * such as {@code <script>} arrives as text.
 */
@Component
class EmailTemplates {

    private final String html = load("templates/email/update.html");
    private final String text = load("templates/email/update.txt");

    /** @param actions the message's own action links, for what the incident's state allows */
    String html(Dispatch dispatch, ActionLinks actions) {
        String updates = dispatch.updates().stream().map(u -> "<li>" + HtmlUtils.htmlEscape(line(u)) + "</li>")
                .collect(Collectors.joining("\n"));
        String links = actions.acknowledge().map(url -> "<p><a href=\"" + HtmlUtils.htmlEscape(url)
                + "\"><strong>Acknowledge</strong></a> (stops the paging; the link works once)</p>\n").orElse("")
                + actions.resolve().map(url -> "<p><a href=\"" + HtmlUtils.htmlEscape(url)
                + "\"><strong>Resolve</strong></a> (asks what fixed it; the link works once)</p>\n").orElse("");
        return render(html, dispatch, HtmlUtils::htmlEscape).replace("{{updates}}", updates).replace("{{actions}}", links);
    }

    String text(Dispatch dispatch, ActionLinks actions) {
        String updates = dispatch.updates().stream().map(u -> "- " + line(u)).collect(Collectors.joining("\n"));
        String links = actions.acknowledge().map(url -> "Acknowledge (stops the paging; the link works once): " + url + "\n")
                .orElse("")
                + actions.resolve().map(url -> "Resolve (asks what fixed it; the link works once): " + url + "\n").orElse("");
        return render(text, dispatch, UnaryOperator.identity()).replace("{{updates}}", updates).replace("{{actions}}", links);
    }

    private static String render(String template, Dispatch dispatch, UnaryOperator<String> escape) {
        IncidentSnapshot incident = dispatch.incident();
        Map<String, String> values = Map.of(
                "title", incident.headline(),
                "severity", incident.severityOrUnknown(),
                "status", incident.statusOrUnknown(),
                "summary", incident.summary() == null ? "" : incident.summary(),
                "services", String.join(", ", incident.services()),
                "timelineUrl", incident.timelineUrl(),
                "postmortemUrl", incident.postmortemUrl());
        String out = template;
        for (var value : values.entrySet()) {
            out = out.replace("{{" + value.getKey() + "}}", escape.apply(value.getValue()));
        }
        return out;
    }

    private static String line(Update update) {
        return update.fallbackFor() == null ? update.text()
                : update.text() + " (sent by e-mail because " + update.fallbackFor() + " could not be delivered)";
    }

    private static String load(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}
