package org.incidentplatform.timeline.entries;

import java.util.List;

/** The response of the timeline endpoint: an incident's entries, oldest first. */
record IncidentTimeline(String incidentId, List<TimelineEntry> entries) {
}
