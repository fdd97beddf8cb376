/**
 * Rebuilding the timeline projection from the topics while the service runs: stop the listener
 * containers, capture end offsets, rewind the consumer group, wipe, restart, and wait for the
 * group to commit up to the captured ends. {@code POST /api/v1/admin/projection/rebuild}
 * answers 200 when done (202 plus a status resource if it takes longer).
 */
package org.incidentplatform.timeline.rebuild;
