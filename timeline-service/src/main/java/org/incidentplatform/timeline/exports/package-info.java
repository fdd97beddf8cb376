/**
 * The per-incident timeline endpoint and its exports: JSON, Markdown (a table with all user text
 * neutralised) and CSV (RFC 4180, formula-safe), in the reader's time zone and visibility. The
 * exports are byte-for-byte deterministic, which the rebuild test relies on.
 */
package org.incidentplatform.timeline.exports;
