/**
 * How the consuming services read the incident event topic.
 *
 * <p>{@link IncidentEventReader} turns a Kafka record into a {@link ReceivedEvent}: the
 * CloudEvent envelope plus the typed payload when this contract version knows the type. Unknown
 * types are counted and skipped by the caller, never failed on. The auto-configuration installs
 * an error handler that retries failures with back-off for as long as they last (a MongoDB
 * outage pauses the partition; nothing is skipped) and sends only unreadable records, which no
 * retry can fix, to a dead-letter topic, logging a WARN and counting
 * {@code incident.events.deadlettered} for each.
 */
package org.incidentplatform.consuming;
