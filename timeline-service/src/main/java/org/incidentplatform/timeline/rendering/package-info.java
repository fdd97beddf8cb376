/**
 * How entries are shown to readers, shared by the timeline, the activity feed and the live
 * streams: request options (time zone, visibility) parsed into precise 400 problems, the
 * entry view with times in the reader's zone, and the escaping that makes user text inert in
 * Markdown and safe in CSV.
 */
package org.incidentplatform.timeline.rendering;
