package org.incidentplatform.incident.slack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.incident.escalation.ManualPaging;
import org.incidentplatform.incident.history.IncidentHistory;
import org.incidentplatform.incident.history.StoredEvent;
import org.incidentplatform.incident.lifecycle.IllegalTransitionException;
import org.incidentplatform.incident.lifecycle.IncidentCommand.AcknowledgeIncident;
import org.incidentplatform.incident.lifecycle.IncidentCommand.AddNote;
import org.incidentplatform.incident.lifecycle.IncidentCommand.OpenIncident;
import org.incidentplatform.incident.lifecycle.IncidentCommand.PostStatusUpdate;
import org.incidentplatform.incident.lifecycle.IncidentCommand.ResolveIncident;
import org.incidentplatform.incident.lifecycle.IncidentCommandSender;
import org.incidentplatform.incident.view.IncidentView;
import org.incidentplatform.incident.view.IncidentViewRepository;
import org.springframework.stereotype.Component;

/**
 * What people can do to an incident from Slack, as the person they are (see {@link SlackActors}),
 * each answered in words for the one who asked. Buttons, modals and {@code /incident} all come
 * here. Every change is claimed once per Slack interaction ({@link SlackInteractions}), so a
 * payload delivered twice changes the incident once; an action the incident's state no longer
 * allows answers with what happened instead ("Already resolved by Ada at 10:42 UTC").
 */
@Component
class SlackIncidentActions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC on' d MMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final IncidentCommandSender commands;
    private final IncidentViewRepository views;
    private final IncidentHistory history;
    private final ManualPaging paging;
    private final SlackInteractions interactions;

    SlackIncidentActions(IncidentCommandSender commands, IncidentViewRepository views, IncidentHistory history,
            ManualPaging paging, SlackInteractions interactions) {
        this.commands = commands;
        this.views = views;
        this.history = history;
        this.paging = paging;
        this.interactions = interactions;
    }

    /**
     * @param text    for the person who acted: plain words, escaped where Slack parses them
     * @param changed whether the incident changed (then the answer may be shown to the channel)
     */
    record Answer(String text, boolean changed, String incidentId) {
    }

    Answer acknowledge(String incidentId, SlackActors.Actor actor, String interactionId) {
        return once(interactionId, incidentId, () -> {
            commands.send(new AcknowledgeIncident(incidentId, null, Instant.now()), actor.origin(interactionId));
            return new Answer("Acknowledged " + describe(incidentId) + ". Escalation stopped; you're on it.", true, incidentId);
        });
    }

    Answer resolve(String incidentId, String resolution, SlackActors.Actor actor, String interactionId) {
        return once(interactionId, incidentId, () -> {
            commands.send(new ResolveIncident(incidentId, null, resolution, Instant.now()), actor.origin(interactionId));
            return new Answer("Resolved " + describe(incidentId) + ".", true, incidentId);
        });
    }

    Answer postUpdate(String incidentId, ProgressStatus status, String message, boolean visibleToPublic,
            SlackActors.Actor actor, String interactionId) {
        return once(interactionId, incidentId, () -> {
            commands.send(new PostStatusUpdate(incidentId, null, status, message, visibleToPublic, Instant.now()),
                    actor.origin(interactionId));
            return new Answer("Posted a " + (visibleToPublic ? "public" : "internal") + " " + status.name().toLowerCase(Locale.ROOT)
                    + " update to " + describe(incidentId) + ".", true, incidentId);
        });
    }

    Answer page(String incidentId, ManualPaging.Target target, SlackActors.Actor actor, String interactionId) {
        return once(interactionId, incidentId, () -> {
            ManualPaging.Outcome outcome = paging.page(incidentId, target, actor.origin(interactionId));
            if (outcome.paged().isEmpty()) {
                return new Answer("Nobody was paged: " + SlackText.escape(String.join("; ", outcome.unreached())) + ".",
                        false, incidentId);
            }
            return new Answer("Paged " + SlackText.escape(String.join(", ", outcome.paged())) + " for "
                    + describe(incidentId) + "." + (outcome.unreached().isEmpty() ? ""
                    : " Not reached: " + SlackText.escape(String.join("; ", outcome.unreached())) + "."), true, incidentId);
        });
    }

    /**
     * Adds a message from the incident's channel to its timeline as an internal note, recorded as
     * the message's author at the time it was posted. Once per message, whoever pins it.
     */
    Answer note(String incidentId, String text, Instant postedAt, SlackActors.Actor author, SlackActors.Actor pinnedBy,
            String messageKey) {
        return once("pin:" + messageKey, incidentId, () -> {
            commands.send(new AddNote(incidentId, null, "slack-" + messageKey.replace(':', '-'), text
                    + "\n\n(from Slack, added to the timeline by " + pinnedBy.name() + ")", Visibility.INTERNAL, postedAt),
                    author.origin("pin:" + messageKey));
            return new Answer("Added to the timeline of " + describe(incidentId) + " as a note by "
                    + SlackText.escape(author.name()) + ".", true, incidentId);
        });
    }

    /** Opens an incident with the declaring person as its commander. */
    Answer declare(String title, Severity severity, SlackActors.Actor actor, String interactionId) {
        String incidentId = UUID.randomUUID().toString();
        return once(interactionId, incidentId, () -> {
            commands.send(new OpenIncident(incidentId, title, null, severity, List.of(), actor.name(), null,
                    Instant.now()), actor.origin(interactionId));
            return new Answer(severity + " incident declared: " + describe(incidentId) + ". You are its commander.",
                    true, incidentId);
        });
    }

    /** The incident in a few lines, for {@code /incident status}. */
    Answer status(String incidentId) {
        Optional<IncidentView> found = views.find(incidentId);
        if (found.isEmpty()) {
            return new Answer("There is no incident " + SlackText.escape(incidentId) + ".", false, incidentId);
        }
        IncidentView view = found.get();
        StringBuilder text = new StringBuilder("*").append(SlackText.escape(view.getTitle())).append("*\n")
                .append(view.getSeverity()).append(" · ").append(view.getStatus())
                .append(" · started ").append(TIME.format(view.getStartedAt()));
        if (view.getCommander() != null) {
            text.append(" · commander ").append(SlackText.escape(view.getCommander()));
        }
        if (!view.getStatusUpdates().isEmpty()) {
            IncidentView.StatusUpdate last = view.getStatusUpdates().getLast();
            text.append("\nLatest update (").append(TIME.format(last.occurredAt())).append("): ")
                    .append(SlackText.escape(last.message()));
        }
        if (view.getEscalation() != null) {
            text.append("\nEscalation: ").append(SlackText.escape(view.getEscalation().policyName())).append(", ")
                    .append(view.getEscalation().state().toLowerCase(Locale.ROOT));
        }
        text.append("\nFiring alerts: ").append(view.getFiringAlertCount());
        return new Answer(text.toString(), false, incidentId);
    }

    private Answer once(String interactionId, String incidentId, Supplier<Answer> change) {
        Optional<SlackInteractions.Claim> claim = interactions.claim(interactionId, incidentId);
        if (claim.isEmpty()) {
            return interactions.outcome(interactionId)
                    .map(done -> new Answer("Already done: " + done, false, incidentId))
                    .orElseGet(() -> new Answer("That is being done right now.", false, incidentId));
        }
        Answer answer;
        try {
            answer = change.get();
        } catch (AggregateNotFoundException missing) {
            answer = new Answer("There is no incident " + SlackText.escape(incidentId) + ".", false, incidentId);
        } catch (IllegalTransitionException notNow) {
            answer = new Answer(whatHappened(incidentId, notNow), false, incidentId);
        } catch (RuntimeException failed) {
            interactions.release(claim.get());
            throw failed;
        }
        interactions.record(claim.get(), answer.text());
        return answer;
    }

    /** "Already resolved by Ada Lovelace (per-…) via Slack at 10:42 UTC on 6 Dec." */
    String whatHappened(String incidentId, IllegalTransitionException refused) {
        List<StoredEvent> events = history.eventsOf(incidentId);
        for (StoredEvent event : events.reversed()) {
            String done = switch (event.payload()) {
                case IncidentClosed c -> "closed";
                case IncidentResolved r -> "resolved";
                case IncidentAcknowledged a -> "acknowledged";
                case StatusUpdated u -> "answered with a " + u.status().name().toLowerCase(Locale.ROOT) + " update";
                default -> null;
            };
            if (done != null) {
                return "Nothing changed: " + describe(incidentId) + " was already " + done + " by "
                        + SlackText.escape(event.actor() == null ? "someone" : event.actor()) + " at "
                        + TIME.format(event.recordedAt()) + ".";
            }
        }
        return "Nothing changed: " + SlackText.escape(refused.getMessage()) + ".";
    }

    private String describe(String incidentId) {
        return views.find(incidentId).map(v -> "*" + SlackText.escape(v.getTitle()) + "* (" + v.getSeverity() + ")")
                .orElse("incident " + SlackText.escape(incidentId));
    }
}
