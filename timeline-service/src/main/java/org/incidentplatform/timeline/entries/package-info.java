/**
 * The timeline projection: one entry per incident event and per notification delivery outcome,
 * projected from {@code incident-events.v1} and {@code notification-deliveries.v1} into the
 * {@code timeline_entries} collection. An entry's id is the CloudEvent id, so a redelivered
 * event rewrites the same document and the projection can be replayed from the topics at any
 * time without duplicates. Each entry carries its kind, a plain-text sentence, the actor, its
 * visibility (public or internal), when it happened and when it was recorded; readers order
 * an incident's entries by occurredAt, incidentSequence, recordedAt, id, so back-dated facts
 * slot into place. New live entries are announced as {@link
 * org.incidentplatform.timeline.entries.EntryRecorded} application events.
 */
package org.incidentplatform.timeline.entries;
