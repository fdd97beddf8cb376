package org.incidentplatform.incident.intake;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentplatform.events.Severity;

/** Commands of the {@link AlertStream} aggregate. */
final class AlertStreamCommands {

    private AlertStreamCommands() {
    }

    /**
     * Let the stream decide what an alert means.
     *
     * @param proposedIncidentId the id to use if this alert opens an incident
     * @param severity           the alert's severity after the integration's mapping
     * @param services           the services named by the integration's service labels
     * @param autoResolve        the integration's auto-resolve setting at receipt
     */
    record ReceiveAlert(@TargetAggregateIdentifier String streamId, String integrationId, String integrationName,
            boolean autoResolve, Severity severity, List<String> services, String proposedIncidentId,
            AlertSignal signal, Instant receivedAt) {
    }

    /**
     * Let the stream decide what each of many alerts means, in order, in one command: a storm's
     * group is stored in one append instead of a round trip per alert. An alert that opens an
     * incident gets a fresh incident id.
     */
    record ReceiveAlerts(@TargetAggregateIdentifier String streamId, String integrationId, String integrationName,
            boolean autoResolve, List<ReceivedAlert> alerts, Instant receivedAt) {
    }

    /** One alert of {@link ReceiveAlerts}, with its severity and services after the integration's mapping. */
    record ReceivedAlert(Severity severity, List<String> services, AlertSignal signal) {
    }

    /** The incident ended (resolved by people, or rejected a late alert): forget it. */
    record EndIncident(@TargetAggregateIdentifier String streamId, String incidentId) {
    }
}
