/**
 * What an operator sees of the records this service's consumers dead-lettered:
 * {@code GET /api/v1/admin/dead-letters} reads the {@code .dlt} topics of the topics its listener
 * containers consume, with a short-lived consumer that joins no group and commits nothing, and
 * lists the records whose {@code kafka_dlt-original-consumer-group} header names one of this
 * service's consumer groups (the topic is shared: every consuming service dead-letters there).
 *
 * <p>The dead-letter topic is the only record kept: nothing else is written when a record is
 * parked, so dead-lettering cannot fail for a second reason (a MongoDB outage) and records parked
 * before this API existed are listed too. There is deliberately no replay: the incident topic has
 * one writer (incident-service) and is the replay source of every projection; a copy re-published
 * by a consumer would land out of order after the incident's later events and be read again by
 * every other consumer group. A record that a fixed consumer can read is still on the source topic
 * (unlimited retention); rebuilding the projection reads it in order.
 */
package org.incidentplatform.deadletters;
