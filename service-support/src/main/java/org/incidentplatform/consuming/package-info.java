/**
 * How the consuming services read the incident event topic.
 *
 * <p>{@link IncidentEventReader} turns a Kafka record into a {@link ReceivedEvent}: the
 * CloudEvent envelope plus the typed payload when this contract version knows the type. Unknown
 * types are counted and skipped by the caller, never failed on. The auto-configuration installs
 * an error handler that retries transient failures ({@link FailureClassifier}: MongoDB or Kafka
 * unreachable) with back-off for as long as they last (the partition pauses; nothing is skipped),
 * tries any other failure three times, and sends those records, and unreadable ones at once, to a
 * dead-letter topic, logging a WARN and counting {@code incident.events.deadlettered} for each.
 */
package org.incidentplatform.consuming;
