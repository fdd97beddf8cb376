/**
 * The report projection: every incident event folded into one {@code incident_reports} document
 * per incident, together with the events themselves, so that post-mortems, metrics and the
 * status page read one place and durations can be recomputed from the facts. Each document
 * remembers the last incident sequence it applied, so redelivered or replayed events change
 * nothing, and the whole collection can be wiped and rebuilt from the topic
 * ({@code POST /api/v1/admin/projection/rebuild}).
 */
package org.incidentplatform.report.projection;
