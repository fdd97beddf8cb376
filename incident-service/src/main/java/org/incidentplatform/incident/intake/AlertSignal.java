package org.incidentplatform.incident.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.incidentplatform.events.AlertAttached;

/**
 * One alert from any sender, normalised.
 *
 * @param action      what the sender says happened
 * @param dedupKey    the sender's identity of the alert (fingerprint, dedup_key)
 * @param groupKey    Alertmanager's group key, null for other senders
 * @param summary     one line saying what fires
 * @param severity    the sender's severity value, before mapping; may be null
 * @param labels      labels (Events API: component, group, class and source become labels)
 * @param annotations annotations (Events API: custom_details flattened to text)
 * @param links       links to show with the alert
 * @param startedAt   when it started firing, per the sender; may be null
 * @param endedAt     when it stopped, for resolutions; may be null
 * @param source      alertmanager, grafana or events-v2
 */
record AlertSignal(Action action, String dedupKey, String groupKey, String summary, String severity,
        Map<String, String> labels, Map<String, String> annotations, List<AlertAttached.Link> links,
        Instant startedAt, Instant endedAt, String source) {

    enum Action { TRIGGER, ACKNOWLEDGE, RESOLVE }
}
