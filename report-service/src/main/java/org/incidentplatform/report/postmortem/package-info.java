/**
 * Post-mortem documents: the template every post-mortem shares (summary, timeline, root cause,
 * impact, durations, resolution, lessons, action items, published updates), assembled from an
 * incident's report and its event log, served as JSON, Markdown and HTML at
 * {@code GET /api/v1/incidents/{id}/postmortem}.
 */
package org.incidentplatform.report.postmortem;
