package org.incidentplatform.incident.escalation;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.incidentplatform.incident.web.RequestOrigin;

/** Escalation's commands carry who acts: the policy, so the history says "escalation Database" and not a user. */
final class EscalationCommands {

    private EscalationCommands() {
    }

    static CommandMessage<?> as(EscalationPolicy policy, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(
                Map.of(RequestOrigin.ACTOR, "escalation:" + policy.name(),
                        RequestOrigin.CORRELATION_ID, "escalation-" + java.util.UUID.randomUUID()));
    }
}
