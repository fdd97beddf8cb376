/**
 * The small incident summary that {@code GET /api/v1/incidents/{id}} serves. It is a projection
 * of the event store kept by a subscribing processor, so a client that has just written an
 * incident reads its own write.
 */
package org.incidentplatform.incident.summary;
