/**
 * Heartbeats: things that must ping every period (cron jobs, backups, a dead man's switch). A
 * heartbeat past its deadline goes DOWN and raises an alert of its integration through the normal
 * intake (one alert stream per heartbeat), so it opens an incident that is escalated like any
 * other; pings resuming resolve it. State changes are atomic conditional updates shared by every
 * instance (see {@link org.incidentplatform.incident.heartbeats.HeartbeatMonitor}).
 */
package org.incidentplatform.incident.heartbeats;
