package org.incidentplatform.incident.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.escalation.ManualPaging;
import org.incidentplatform.incident.people.PeopleRepository;
import org.incidentplatform.incident.people.Person;
import org.incidentplatform.incident.schedules.OnCall;
import org.incidentplatform.incident.view.IncidentView;
import org.incidentplatform.incident.view.IncidentViewRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code /incident}: declare, ack, resolve, update, status, page, help. Typed in an incident's own
 * channel it applies to that incident; elsewhere it lists the open incidents with a button each,
 * which asks which one. Answers are seen only by the person typing, unless the incident changed:
 * then the channel sees who did what.
 */
@Component
class IncidentSlashCommand {

    static final String NAME = "/incident";
    private static final Logger log = LoggerFactory.getLogger(IncidentSlashCommand.class);
    private static final Pattern SEVERITY_AT_END = Pattern.compile("^(.*?)\\s+\\[?(sev[1-4])]?$", Pattern.CASE_INSENSITIVE);
    private static final int LISTED_INCIDENTS = 10;
    /** mrkdwn: the angle brackets are escaped, or Slack would read {@code <title>} as a link. */
    static final String HELP = """
            *`/incident`* acts on incidents from Slack:
            • `/incident declare &lt;title&gt; [sev1-sev4]`: open an incident (without a title, a form asks)
            • `/incident ack`: acknowledge it (stops the paging)
            • `/incident resolve [what fixed it]`: resolve it
            • `/incident update [text]`: post an internal update
            • `/incident status`: where it stands
            • `/incident page &lt;person or schedule&gt;`: page someone now
            In an incident's own channel these apply to that incident; elsewhere you are asked which.""";

    private final SlackActors actors;
    private final SlackIncidentActions actions;
    private final IncidentChannels channels;
    private final IncidentViewRepository views;
    private final PeopleRepository people;
    private final OnCall onCall;

    IncidentSlashCommand(SlackActors actors, SlackIncidentActions actions, IncidentChannels channels,
            IncidentViewRepository views, PeopleRepository people, OnCall onCall) {
        this.actors = actors;
        this.actions = actions;
        this.channels = channels;
        this.views = views;
        this.people = people;
        this.onCall = onCall;
    }

    Response handle(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        String text = payload.getText() == null ? "" : payload.getText().strip();
        String verb = text.isEmpty() ? "help" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = text.length() > verb.length() ? text.substring(verb.length()).strip() : "";
        if ("help".equals(verb)) {
            return context.ack(HELP);
        }
        Optional<String> here = channels.incidentOf(payload.getChannelId());
        if ("status".equals(verb)) {
            return here.map(id -> context.ack(actions.status(id).text()))
                    .orElseGet(() -> context.ack(r -> r.responseType("ephemeral").blocks(choose("status", SlackButtons.STATUS, "Status"))));
        }
        Optional<SlackActors.Actor> actor = actors.actor(payload.getUserId());
        if (actor.isEmpty()) {
            return context.ack(SlackActors.refusal(payload.getUserId()));
        }
        String key = "command:" + payload.getTriggerId();
        return switch (verb) {
            case "declare" -> declare(rest, actor.get(), key, payload, context);
            case "ack", "acknowledge" -> here.map(id -> answer(context, actions.acknowledge(id, actor.get(), key)))
                    .orElseGet(() -> pick(context, "acknowledge", SlackButtons.ACKNOWLEDGE, "Acknowledge"));
            case "resolve" -> here.map(id -> rest.isEmpty()
                            ? open(context, payload, SlackModals.resolve(id, titleOf(id)))
                            : answer(context, actions.resolve(id, rest, actor.get(), key)))
                    .orElseGet(() -> pick(context, "resolve", SlackButtons.RESOLVE, "Resolve"));
            case "update" -> here.map(id -> rest.isEmpty()
                            ? open(context, payload, SlackModals.update(id, titleOf(id)))
                            : answer(context, actions.postUpdate(id, progressOf(id), rest, false, actor.get(), key)))
                    .orElseGet(() -> pick(context, "post an update to", SlackButtons.POST_UPDATE, "Post update"));
            case "page" -> here.map(id -> page(id, rest, actor.get(), key, payload, context))
                    .orElseGet(() -> pick(context, "page someone for", SlackButtons.PAGE, "Page someone"));
            default -> context.ack("I don't know `" + SlackText.escape(verb) + "`.\n" + HELP);
        };
    }

    private Response declare(String rest, SlackActors.Actor actor, String key, SlashCommandPayload payload,
            SlashCommandContext context) {
        if (rest.isEmpty()) {
            return open(context, payload, SlackModals.declare(null));
        }
        Severity severity = Severity.SEV2;
        String title = rest;
        Matcher withSeverity = SEVERITY_AT_END.matcher(rest);
        if (withSeverity.matches()) {
            title = withSeverity.group(1).strip();
            severity = Severity.valueOf(withSeverity.group(2).toUpperCase(Locale.ROOT));
        }
        if (title.length() > 200) {
            return context.ack("A title has at most 200 characters; this one has " + title.length() + ".");
        }
        return answer(context, actions.declare(title, severity, actor, key));
    }

    /** A person or schedule named in words ("ada", "database primary"); the form when none or several match. */
    private Response page(String incidentId, String who, SlackActors.Actor actor, String key, SlashCommandPayload payload,
            SlashCommandContext context) {
        List<ManualPaging.Target> matches = new ArrayList<>();
        if (!who.isEmpty()) {
            String wanted = who.toLowerCase(Locale.ROOT);
            onCall.schedules().stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains(wanted))
                    .forEach(s -> matches.add(new ManualPaging.Target("SCHEDULE", s.id())));
            people.activePeople(1_000).stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(wanted))
                    .map(Person::id).forEach(id -> matches.add(new ManualPaging.Target("PERSON", id)));
        }
        if (matches.size() == 1) {
            return answer(context, actions.page(incidentId, matches.getFirst(), actor, key));
        }
        return open(context, payload, SlackModals.page(incidentId, titleOf(incidentId), onCall.schedules(),
                people.activePeople(100)));
    }

    /** A change is shown to the channel (it says who did it); a refusal or a no-op only to the one who typed. */
    private static Response answer(SlashCommandContext context, SlackIncidentActions.Answer answer) {
        return context.ack(r -> r.responseType(answer.changed() ? "in_channel" : "ephemeral").text(answer.text()));
    }

    private static Response open(SlashCommandContext context, SlashCommandPayload payload, View modal) {
        try {
            var opened = context.client().viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(modal));
            if (!opened.isOk()) {
                return context.ack("Slack could not open the form (" + opened.getError() + "). Try again.");
            }
        } catch (IOException | com.slack.api.methods.SlackApiException unreachable) {
            log.warn("Slack views.open failed: {}", unreachable.toString());
            return context.ack("Slack could not open the form. Try again.");
        }
        return context.ack();
    }

    private Response pick(SlashCommandContext context, String what, String actionId, String label) {
        return context.ack(r -> r.responseType("ephemeral").blocks(choose(what, actionId, label)));
    }

    /** Outside an incident channel: the open incidents, newest first, each with the button that does it. */
    private List<LayoutBlock> choose(String what, String actionId, String label) {
        List<IncidentView> open = views.newestOpen(LISTED_INCIDENTS);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (open.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("No incident is open. `/incident declare &lt;title&gt;` opens one."))));
            return blocks;
        }
        blocks.add(section(s -> s.text(markdownText("Which incident do you want to " + what + "?"))));
        for (IncidentView incident : open) {
            blocks.add(section(s -> s.text(markdownText("*" + SlackText.escape(incident.getTitle()) + "*  "
                    + incident.getSeverity() + " · " + incident.getStatus()))));
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(actionId)
                    .text(SlackModals.plain(label, 75)).value(incident.getId()))))));
        }
        return blocks;
    }

    private String titleOf(String incidentId) {
        return views.find(incidentId).map(IncidentView::getTitle).orElse(incidentId);
    }

    /** A quick update keeps the incident's progress where it is, never back to "investigating". */
    private ProgressStatus progressOf(String incidentId) {
        return views.find(incidentId).map(v -> switch (v.getStatus()) {
            case IDENTIFIED -> ProgressStatus.IDENTIFIED;
            case MONITORING -> ProgressStatus.MONITORING;
            default -> ProgressStatus.INVESTIGATING;
        }).orElse(ProgressStatus.INVESTIGATING);
    }
}
