package org.incidentplatform.incident.lifecycle;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentplatform.incident.view.IncidentView;
import org.incidentplatform.incident.view.IncidentViewRepository;
import org.incidentplatform.incident.web.ETags;
import org.incidentplatform.incident.web.RequestOrigin;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the request's origin as metadata and answers with the incident as it now
 * is, its version in the ETag. Rule violations surface as exceptions that
 * {@code LifecycleProblems} and {@code ProblemDetails} turn into 404, 409 or 412.
 */
@Component
public class IncidentCommandSender {

    /** A cached aggregate may be one write behind another instance's: that costs one retry. */
    private static final int CONFLICT_ATTEMPTS = 3;

    private final CommandGateway commands;
    private final IncidentViewRepository views;

    IncidentCommandSender(CommandGateway commands, IncidentViewRepository views) {
        this.commands = commands;
        this.views = views;
    }

    public IncidentView send(IncidentCommand command, HttpServletRequest request) {
        return send(command, RequestOrigin.of(request));
    }

    /** @param origin who acts and why ({@link RequestOrigin#ACTOR}, {@link RequestOrigin#CORRELATION_ID}), for callers that are not a REST request (Slack) */
    public IncidentView send(IncidentCommand command, MetaData origin) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(origin);
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(message);
                break;
            } catch (ConcurrencyException conflict) {
                // Nothing was stored, and the aggregate dropped from the cache: the retry checks the
                // command's rules (and its If-Match version) against the incident as it now is.
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
        return views.find(command.incidentId()).orElseThrow(() -> new IllegalStateException(
                "Incident " + command.incidentId() + " was stored but its view is missing"));
    }

    public ResponseEntity<IncidentView> sendAndAnswer(IncidentCommand command, HttpServletRequest request) {
        IncidentView view = send(command, request);
        return ResponseEntity.ok().eTag(ETags.of(view.getVersion())).body(view);
    }
}
