/**
 * The published contract of incident-service: what every consumer may rely on.
 *
 * <p>Each event is an immutable record named as a past-tense fact. On Kafka it travels as a
 * structured-mode CloudEvent ({@link IncidentCloudEvent}) on {@link Topics#INCIDENT_EVENTS},
 * keyed by incident id so that one incident's events stay in order. {@link EventTypes} maps
 * CloudEvents type names to records; a consumer that meets a type it does not know skips and
 * counts it, which lets the producer add events before consumers learn them.
 *
 * <p>This package deliberately imports nothing but the JDK: no Spring, Axon, Kafka or MongoDB.
 */
package org.incidentplatform.events;
