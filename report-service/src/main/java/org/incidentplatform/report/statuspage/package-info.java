/**
 * The public status page, readable without credentials: {@code GET /status} (HTML),
 * {@code GET /status/summary.json} (the field names of Atlassian Statuspage's
 * {@code api/v2/summary.json}, so existing status widgets and monitors can read it) and
 * {@code GET /status/history.atom}. It shows only what responders published: public status
 * updates, public notes, and the resolution and reopening announcements; never internal notes.
 */
package org.incidentplatform.report.statuspage;
