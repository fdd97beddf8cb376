package org.incidentplatform.timeline.entries;

/**
 * Published (as a Spring application event) after an entry was stored for the first time by the
 * live listener; neither redeliveries nor the replay of a rebuild publish it, so live
 * subscribers see each fact once.
 */
public record EntryRecorded(TimelineEntry entry) {
}
