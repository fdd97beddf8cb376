package org.incidentplatform.incident.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.escalation.ManualPaging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The submitted modals. A change closes the modal; a change the incident no longer allows, or a
 * missing answer, keeps it open with the reason under the field, so nothing is silently dropped.
 * The modal's view id is the interaction's key: a submission delivered twice changes once.
 */
@Component
class SlackModalSubmissions {

    private static final Logger log = LoggerFactory.getLogger(SlackModalSubmissions.class);

    private final SlackActors actors;
    private final SlackIncidentActions actions;

    SlackModalSubmissions(SlackActors actors, SlackIncidentActions actions) {
        this.actors = actors;
        this.actions = actions;
    }

    void register(App app) {
        app.viewSubmission(SlackModals.RESOLVE, (request, context) -> asPerson(request.getPayload(), context,
                SlackModals.TEXT, actor -> {
            View view = request.getPayload().getView();
            Optional<String> resolution = SlackModals.value(view, SlackModals.TEXT);
            if (resolution.isEmpty()) {
                return context.ackWithErrors(Map.of(SlackModals.TEXT, "Say what resolved it."));
            }
            return closeOrExplain(context, SlackModals.TEXT, actions.resolve(view.getPrivateMetadata(), resolution.get(),
                    actor, key(view)));
        }));
        app.viewSubmission(SlackModals.UPDATE, (request, context) -> asPerson(request.getPayload(), context,
                SlackModals.TEXT, actor -> {
            View view = request.getPayload().getView();
            Optional<String> text = SlackModals.value(view, SlackModals.TEXT);
            if (text.isEmpty()) {
                return context.ackWithErrors(Map.of(SlackModals.TEXT, "Write the update."));
            }
            ProgressStatus status = SlackModals.value(view, SlackModals.STATUS).map(ProgressStatus::valueOf)
                    .orElse(ProgressStatus.INVESTIGATING);
            boolean visibleToPublic = SlackModals.value(view, SlackModals.VISIBILITY).filter("public"::equals).isPresent();
            return closeOrExplain(context, SlackModals.TEXT, actions.postUpdate(view.getPrivateMetadata(), status,
                    text.get(), visibleToPublic, actor, key(view)));
        }));
        app.viewSubmission(SlackModals.PAGE, (request, context) -> asPerson(request.getPayload(), context,
                SlackModals.TARGET, actor -> {
            View view = request.getPayload().getView();
            Optional<String> target = SlackModals.value(view, SlackModals.TARGET);
            if (target.isEmpty() || !target.get().contains(":")) {
                return context.ackWithErrors(Map.of(SlackModals.TARGET, "Choose whom to page."));
            }
            String[] typeAndId = target.get().split(":", 2);
            return closeOrExplain(context, SlackModals.TARGET, actions.page(view.getPrivateMetadata(),
                    new ManualPaging.Target(typeAndId[0], typeAndId[1]), actor, key(view)));
        }));
        app.viewSubmission(SlackModals.DECLARE, (request, context) -> asPerson(request.getPayload(), context,
                SlackModals.TEXT, actor -> {
            View view = request.getPayload().getView();
            Optional<String> title = SlackModals.value(view, SlackModals.TEXT);
            if (title.isEmpty()) {
                return context.ackWithErrors(Map.of(SlackModals.TEXT, "Give the incident a title."));
            }
            Severity severity = SlackModals.value(view, SlackModals.SEVERITY).map(Severity::valueOf).orElse(Severity.SEV2);
            var answer = actions.declare(title.get(), severity, actor, key(view));
            log.info("Incident {} declared from a Slack modal by {}", answer.incidentId(), actor.recordedAs());
            return context.ack();
        }));
    }

    private static String key(View view) {
        return "view:" + view.getId();
    }

    private Response asPerson(ViewSubmissionPayload payload, ViewSubmissionContext context, String field,
            Function<SlackActors.Actor, Response> then) {
        Optional<SlackActors.Actor> actor = actors.actor(payload.getUser().getId());
        return actor.isPresent() ? then.apply(actor.get())
                : context.ackWithErrors(Map.of(field, SlackText.limit(SlackActors.refusal(payload.getUser().getId()), 150)));
    }

    private static Response closeOrExplain(ViewSubmissionContext context, String field, SlackIncidentActions.Answer answer) {
        return answer.changed() ? context.ack()
                : context.ackWithErrors(Map.of(field, SlackText.limit(SlackText.plain(answer.text()), 150)));
    }
}
