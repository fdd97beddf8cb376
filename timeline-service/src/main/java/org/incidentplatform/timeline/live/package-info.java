/**
 * Live timeline updates over Server-Sent Events, per incident and for the whole activity feed:
 * each entry is pushed after it is stored (never replays of a rebuild), heartbeat comments keep
 * streams alive and reveal dead clients, the number of streams is bounded (503 beyond it), and
 * streams are forgotten when they complete, time out or fail.
 */
package org.incidentplatform.timeline.live;
