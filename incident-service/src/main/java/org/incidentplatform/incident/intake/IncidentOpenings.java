package org.incidentplatform.incident.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentplatform.incident.intake.AlertStreamEvents.AlertJoined;
import org.incidentplatform.incident.intake.AlertStreamEvents.OpenedIncident;
import org.incidentplatform.incident.lifecycle.IncidentCommand.AttachAlert;
import org.incidentplatform.incident.lifecycle.IncidentCommand.OpenIncident;
import org.incidentplatform.incident.lifecycle.IncidentCommand.OpenIncidentWithAlerts;
import org.incidentplatform.incident.lifecycle.IncidentOpener;

/**
 * The incidents one alert-stream command opens, each with the alerts it opens with, and the
 * command that opens one. An opened incident's events follow the stream's in the same append:
 * {@code IncidentOpened} at sequence 0, then one {@code AlertAttached} per alert, so each alert
 * knows its sequence number there before it is applied, and the alert linker can tell whether the
 * incident was stored whole by looking for the last of them.
 */
final class IncidentOpenings {

    private final Map<String, Opening> byIncident = new LinkedHashMap<>();

    private static final class Opening {
        private final OpenedIncident opened;
        private final List<AlertJoined> joined = new ArrayList<>();
        private final Set<String> alertKeys = new HashSet<>();

        private Opening(OpenedIncident opened) {
            this.opened = opened;
            alertKeys.add(opened.alertKey());
        }
    }

    /** Sequence number of the first alert's {@code AlertAttached}, after {@code IncidentOpened}. */
    static final long FIRST_ALERT_SEQUENCE = 1;

    void opened(OpenedIncident opened) {
        byIncident.put(opened.incidentId(), new Opening(opened));
    }

    /**
     * Where a joining alert's {@code AlertAttached} will be if its incident opens in this command;
     * null when the incident is older, or when this alert is already among the opening ones (it
     * resolved and fires again: the linker attaches it after the resolve, in order).
     */
    Long sequenceForJoin(String incidentId, String alertKey) {
        Opening opening = byIncident.get(incidentId);
        if (opening == null || opening.alertKeys.contains(alertKey)) {
            return null;
        }
        return FIRST_ALERT_SEQUENCE + opening.alertKeys.size();
    }

    void joined(AlertJoined joined) {
        if (joined.attachedAtSequence() != null) {
            Opening opening = byIncident.get(joined.incidentId());
            opening.joined.add(joined);
            opening.alertKeys.add(joined.alertKey());
        }
    }

    /** Opens every incident decided in this command, in the order decided. */
    void openAll(IncidentOpener opener) {
        byIncident.values().forEach(opening -> opener.open(command(opening.opened, opening.joined)));
    }

    /** The incident with its first alert and those that joined it in the same command. */
    static OpenIncidentWithAlerts command(OpenedIncident e, List<AlertJoined> joined) {
        AlertSignal alert = e.signal();
        List<AttachAlert> attach = new ArrayList<>();
        attach.add(attachment(e.incidentId(), e.integrationId(), e.integrationName(), e.alertKey(), alert,
                e.previousIncidentId(), e.receivedAt()));
        joined.forEach(j -> attach.add(attachment(j)));
        Instant occurredAt = alert.startedAt() != null && alert.startedAt().isBefore(e.receivedAt())
                ? alert.startedAt() : e.receivedAt();
        OpenIncident open = new OpenIncident(e.incidentId(), Titles.of(alert), null, e.severity(), e.services(),
                null, e.receivedAt(), occurredAt);
        return new OpenIncidentWithAlerts(e.incidentId(), open, attach);
    }

    static AttachAlert attachment(AlertJoined j) {
        return attachment(j.incidentId(), j.integrationId(), j.integrationName(), j.alertKey(), j.signal(), null,
                j.receivedAt());
    }

    private static AttachAlert attachment(String incidentId, String integrationId, String integrationName,
            String alertKey, AlertSignal alert, String previousIncidentId, Instant receivedAt) {
        return new AttachAlert(incidentId, alertKey, integrationId, integrationName, alert.source(),
                alert.dedupKey(), Titles.of(alert), alert.severity(), alert.labels(), alert.annotations(),
                alert.links(), alert.startedAt(), previousIncidentId, receivedAt);
    }
}
