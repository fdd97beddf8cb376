/**
 * Maintenance windows: planned work on some services. Incidents of those services opened during a
 * window are recorded as usual but page nobody (the escalation notes why instead); every change is
 * published, whole, on the compacted maintenance topic through an outbox flag in the document, from
 * which report-service shows scheduled and running maintenance on the status page.
 */
package org.incidentplatform.incident.maintenance;
