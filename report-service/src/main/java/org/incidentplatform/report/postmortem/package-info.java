/**
 * Post-mortem reports: one document per incident in {@code incident_reports}, kept up to date
 * from the incident topic and served at {@code GET /api/v1/incidents/{id}/postmortem}. Each
 * document remembers the last incident sequence it applied, so a redelivered or replayed event
 * changes nothing and the collection can be rebuilt from the topic at any time.
 */
package org.incidentplatform.report.postmortem;
