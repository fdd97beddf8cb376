/**
 * Incident metrics: counts and the mean, median and 90th percentile of the time to detect,
 * acknowledge, mitigate and resolve, per severity, service or week, recomputed from the stored
 * event logs on every request ({@code GET /api/v1/metrics}), and a server-rendered page of
 * SVG charts over the same numbers ({@code GET /api/v1/metrics/page}).
 */
package org.incidentplatform.report.metrics;
