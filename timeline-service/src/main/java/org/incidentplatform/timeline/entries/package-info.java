/**
 * The per-incident timeline: one entry per stored incident event, projected from the incident
 * topic into the {@code timeline_entries} collection and served at
 * {@code GET /api/v1/incidents/{id}/timeline}. An entry's id is the CloudEvent id, so a
 * redelivered event rewrites the same document and the projection can be replayed from the
 * topic at any time without duplicates.
 */
package org.incidentplatform.timeline.entries;
