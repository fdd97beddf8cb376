package org.incidentplatform.deadletters;

import java.time.Instant;

/**
 * One record a consumer of this service parked on a dead-letter topic.
 *
 * @param id                 {@code <dead-letter topic>/<partition>/<offset>}: where it is parked
 * @param originalTopic      the topic it was read from
 * @param originalPartition  its partition there
 * @param originalOffset     its offset there
 * @param consumerGroup      the consumer group that failed to read it
 * @param key                the record key (the incident id for incident events), may be null
 * @param exceptionClass     the listener's exception, e.g. {@code org.incidentplatform.consuming.UnreadableEventException}
 * @param exceptionMessage   the failure's message
 * @param deadLetteredAt     when it was parked
 * @param originallyAt       the original record's timestamp, may be null
 * @param value              the raw value as UTF-8 text, cut at {@link DeadLetterTopics#VALUE_LIMIT} characters
 * @param valueBytes         the raw value's full length in bytes
 * @param valueTruncated     true when {@code value} is cut
 */
public record DeadLetter(
        String id,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String consumerGroup,
        String key,
        String exceptionClass,
        String exceptionMessage,
        Instant deadLetteredAt,
        Instant originallyAt,
        String value,
        int valueBytes,
        boolean valueTruncated) {
}
