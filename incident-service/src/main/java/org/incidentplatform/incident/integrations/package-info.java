/**
 * Named integrations: how a monitoring sender is known to us. Each has a secret key (stored as
 * its SHA-256 hash), a type (alertmanager, grafana, events-v2), mapping rules from labels or
 * fields to severity and services, a grouping mode and auto-resolve. Stored in MongoDB next to
 * the event store (one durable store to operate and back up; integration changes are rare and
 * need no history beyond {@code updatedAt}), managed through the admin API and seedable from
 * configuration.
 */
package org.incidentplatform.incident.integrations;
