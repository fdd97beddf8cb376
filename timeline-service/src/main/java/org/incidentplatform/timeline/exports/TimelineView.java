package org.incidentplatform.timeline.exports;

import java.util.List;
import org.incidentplatform.timeline.rendering.EntryView;

/**
 * An incident's timeline as exported: its entries in timeline order, rendered in one zone.
 *
 * @param incidentId the incident
 * @param timeZone   the zone id every time is rendered in, e.g. Europe/Paris
 * @param visibility all, public or internal: which entries were asked for
 * @param entries    oldest first (by occurredAt, incidentSequence, recordedAt, id)
 */
record TimelineView(String incidentId, String timeZone, String visibility, List<EntryView> entries) {
}
