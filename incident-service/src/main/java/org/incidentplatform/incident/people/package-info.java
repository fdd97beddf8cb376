/**
 * People and teams: who can be paged, by which contact methods, and with which notification rules
 * (push at once, SMS after 2 minutes, ...). People are deactivated rather than deleted, because
 * schedules and incident histories keep naming them. Every change is checked against the version
 * the caller read (If-Match) and logged with its actor in {@code roster_changes}. Schedules (who is
 * on call when) build on this package; this package knows nothing of them.
 */
package org.incidentplatform.incident.people;
