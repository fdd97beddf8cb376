/**
 * The audit side of the event store: every stored event of an incident with who, when and why,
 * and the incident rebuilt as it stood at any instant by folding its events up to that instant.
 */
package org.incidentplatform.incident.history;
