package org.incidentplatform.incident.escalation;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.IncidentOpened;
import java.util.Optional;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.incident.lifecycle.IncidentCommand.AddNote;
import org.incidentplatform.incident.lifecycle.IncidentCommand.StartEscalation;
import org.incidentplatform.incident.maintenance.ActiveMaintenance;
import org.incidentplatform.incident.relay.RelaySink;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts the escalation of every newly opened incident that a policy covers. A sink of the event
 * relay: it sees each incident's opening at least once, after it is stored, and is retried until
 * the start is stored too; the aggregate ignores a second start, so "at least once" pages once.
 * Its first step's pages are resolved here, at the moment the escalation starts.
 */
@Component
@Order(35)
class EscalationStarter implements RelaySink {

    private final EscalationPolicies policies;
    private final StepPlanner planner;
    private final CommandGateway commands;
    private final ActiveMaintenance maintenance;

    EscalationStarter(EscalationPolicies policies, StepPlanner planner, CommandGateway commands,
            ActiveMaintenance maintenance) {
        this.maintenance = maintenance;
        this.policies = policies;
        this.planner = planner;
        this.commands = commands;
    }

    @Override
    public boolean handles(String aggregateType) {
        return "Incident".equals(aggregateType);
    }

    @Override
    public String name() {
        return "escalation-starter";
    }

    @Override
    public void relay(List<? extends DomainEventMessage<?>> events) {
        IncidentOpened opened = null;
        String integrationId = null;
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof IncidentOpened o) {
                opened = o;
            } else if (opened != null && integrationId == null && event.getPayload() instanceof AlertAttached a) {
                integrationId = a.integrationId(); // Opened from alerts: they are stored with the opening.
            }
        }
        if (opened == null) {
            return;
        }
        String from = integrationId;
        IncidentOpened incident = opened;
        PolicyChoice.of(policies.cached(), from, incident.services(), incident.severity()).ifPresent(policy -> {
            Instant now = Instant.now();
            Optional<String> maintenance = this.maintenance.covering(incident.services(), now);
            if (maintenance.isPresent()) {
                // Recorded on the incident, so its history says why nobody was woken up.
                commands.sendAndWait(EscalationCommands.as(policy, new AddNote(incident.incidentId(), null,
                        "not-paged-" + incident.incidentId(), "Not paged by escalation policy " + policy.name() + ": "
                        + maintenance.get(), Visibility.INTERNAL, now)));
                return;
            }
            commands.sendAndWait(EscalationCommands.as(policy, new StartEscalation(incident.incidentId(), policy.id(),
                    policy.name(), policy.steps().size(), policy.rounds(),
                    planner.plan(incident.incidentId(), policy, 1, 1, now), now)));
        });
    }
}
