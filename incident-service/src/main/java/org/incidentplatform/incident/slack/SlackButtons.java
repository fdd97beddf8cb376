package org.incidentplatform.incident.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.incidentplatform.incident.people.PeopleRepository;
import org.incidentplatform.incident.schedules.OnCall;
import org.incidentplatform.incident.view.IncidentView;
import org.incidentplatform.incident.view.IncidentViewRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The buttons on incident messages and pages (notification-service puts them there, with the
 * incident id as their value): Acknowledge acts at once; Resolve, Post update and Page someone
 * open a modal. The person who clicked gets the answer privately; the message itself is edited by
 * notification-service when the change reaches it, like after any other change.
 */
@Component
class SlackButtons {

    static final String ACKNOWLEDGE = "incident.acknowledge";
    static final String RESOLVE = "incident.resolve";
    static final String POST_UPDATE = "incident.update";
    static final String PAGE = "incident.page";
    static final String STATUS = "incident.status";

    private static final Logger log = LoggerFactory.getLogger(SlackButtons.class);

    private final SlackActors actors;
    private final SlackIncidentActions actions;
    private final IncidentViewRepository views;
    private final OnCall onCall;
    private final PeopleRepository people;

    SlackButtons(SlackActors actors, SlackIncidentActions actions, IncidentViewRepository views, OnCall onCall,
            PeopleRepository people) {
        this.actors = actors;
        this.actions = actions;
        this.views = views;
        this.onCall = onCall;
        this.people = people;
    }

    void register(App app) {
        app.blockAction(ACKNOWLEDGE, (request, context) -> asPerson(request.getPayload(), context, actor -> {
            var answer = actions.acknowledge(incidentOf(request.getPayload()), actor, "click:" + request.getPayload().getTriggerId());
            return privately(context, answer.text());
        }));
        app.blockAction(STATUS, (request, context) ->
                privately(context, actions.status(incidentOf(request.getPayload())).text()));
        app.blockAction(RESOLVE, (request, context) -> asPerson(request.getPayload(), context, actor ->
                openIfOpen(request.getPayload(), context, incident -> SlackModals.resolve(incident.getId(), incident.getTitle()))));
        app.blockAction(POST_UPDATE, (request, context) -> asPerson(request.getPayload(), context, actor ->
                openIfOpen(request.getPayload(), context, incident -> SlackModals.update(incident.getId(), incident.getTitle()))));
        app.blockAction(PAGE, (request, context) -> asPerson(request.getPayload(), context, actor ->
                openIfOpen(request.getPayload(), context, incident -> SlackModals.page(incident.getId(), incident.getTitle(),
                        onCall.schedules(), people.activePeople(100)))));
    }

    private Response asPerson(BlockActionPayload payload, ActionContext context, Function<SlackActors.Actor, Response> then) {
        Optional<SlackActors.Actor> actor = actors.actor(payload.getUser().getId());
        return actor.isPresent() ? then.apply(actor.get()) : privately(context, SlackActors.refusal(payload.getUser().getId()));
    }

    /** Opens the modal for an incident that is still open; otherwise says what became of it. */
    private Response openIfOpen(BlockActionPayload payload, ActionContext context, Function<IncidentView, View> modal) {
        String incidentId = incidentOf(payload);
        Optional<IncidentView> incident = views.find(incidentId);
        if (incident.isEmpty()) {
            return privately(context, "There is no incident " + SlackText.escape(incidentId) + ".");
        }
        String status = incident.get().getStatus().name();
        if ("RESOLVED".equals(status) || "CLOSED".equals(status)) {
            return privately(context, "Nothing to do: *" + SlackText.escape(incident.get().getTitle()) + "* is already "
                    + status.toLowerCase() + ".");
        }
        try {
            var opened = context.client().viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(modal.apply(incident.get())));
            if (!opened.isOk()) {
                log.warn("Slack refused to open a modal: {}", opened.getError());
                return privately(context, "Slack could not open the form (" + opened.getError() + "). Try again.");
            }
        } catch (IOException | com.slack.api.methods.SlackApiException unreachable) {
            log.warn("Slack views.open failed: {}", unreachable.toString());
            return privately(context, "Slack could not open the form. Try again.");
        }
        return context.ack();
    }

    static String incidentOf(BlockActionPayload payload) {
        return payload.getActions().getFirst().getValue();
    }

    /** An answer only the person who clicked sees, below the message; the message is left as it is. */
    static Response privately(ActionContext context, String text) {
        try {
            context.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (IOException unreachable) {
            log.warn("Could not answer a Slack action through its response_url: {}", unreachable.toString());
        }
        return context.ack();
    }
}
