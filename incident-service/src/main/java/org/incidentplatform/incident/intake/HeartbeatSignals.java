package org.incidentplatform.incident.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.web.RequestOrigin;
import org.springframework.stereotype.Component;

/**
 * A missed heartbeat as an alert of its integration, through the same intake as any sender's: one
 * alert stream per heartbeat (its dedup key), so a heartbeat that stays silent opens one incident,
 * and pings resuming resolve it (and the incident, if the integration auto-resolves).
 */
@Component
public class HeartbeatSignals {

    private final AlertIntake intake;

    HeartbeatSignals(AlertIntake intake) {
        this.intake = intake;
    }

    public void missed(Integration integration, String heartbeatId, String name, Map<String, String> labels,
            Instant lastPing, Instant deadline) {
        String summary = "Heartbeat " + name + " missed: no ping since " + (lastPing == null ? "it was created" : lastPing);
        intake.receive(integration, List.of(new AlertSignal(AlertSignal.Action.TRIGGER, dedupKey(heartbeatId), null,
                summary, integration.severityField() == null ? null : labels.get(integration.severityField()), labels,
                Map.of("last_ping", lastPing == null ? "never" : lastPing.toString()), List.of(), deadline, null,
                "heartbeat")), origin("heartbeat:" + name));
    }

    public void resumed(Integration integration, String heartbeatId, String name, Map<String, String> labels, Instant at) {
        intake.receive(integration, List.of(new AlertSignal(AlertSignal.Action.RESOLVE, dedupKey(heartbeatId), null,
                "Heartbeat " + name + " pings again", null, labels, Map.of(), List.of(), null, at, "heartbeat")),
                origin("heartbeat:" + name));
    }

    private static String dedupKey(String heartbeatId) {
        return "heartbeat:" + heartbeatId;
    }

    private static MetaData origin(String actor) {
        return MetaData.from(Map.of(RequestOrigin.ACTOR, actor,
                RequestOrigin.CORRELATION_ID, "heartbeat-" + UUID.randomUUID()));
    }
}
