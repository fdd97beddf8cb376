/**
 * Scheduled maintenance for the status page: the maintenance windows incident-service publishes on
 * the compacted maintenance topic, kept at their latest version and listed in summary.json's
 * {@code scheduled_maintenances} and on the page.
 */
package org.incidentplatform.report.maintenance;
