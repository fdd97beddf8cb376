/**
 * The incident as API clients read it: {@link IncidentView}, folded from the incident's events.
 * A subscribing processor keeps one document per incident up to date within the command's own
 * unit of work, so a client reads its own writes; the same fold rebuilds the view as it stood at
 * any instant from the event store.
 */
package org.incidentplatform.incident.view;
