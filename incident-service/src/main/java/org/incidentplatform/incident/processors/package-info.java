/**
 * How the two streaming processors that must never stop are doing: {@code kafka-publisher}
 * (every stored incident event to Kafka) and {@code alert-incident-linker} (alert-stream decisions
 * to incident commands). A health contributor {@code eventProcessors} (DOWN when one is not
 * running or a segment is in error, for example while Kafka is down) and the gauges
 * {@code incident.processor.lag} (seconds between the newest stored event and the processor's
 * position) and {@code incident.processor.behind} (stored events after that position).
 */
package org.incidentplatform.incident.processors;
