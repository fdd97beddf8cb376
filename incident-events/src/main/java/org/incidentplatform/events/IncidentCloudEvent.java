package org.incidentplatform.events;

import java.time.Instant;

/**
 * The structured-mode CloudEvent (specversion 1.0) that carries one stored incident event.
 *
 * <p>Extension attributes are lower-case as CloudEvents requires. {@code time} is when the
 * event was recorded in the event store; when the fact itself happened is the payload's
 * {@code occurredAt}, which may be earlier (back-dated facts in a post-mortem).
 *
 * @param specversion      always {@code "1.0"}
 * @param id               the stored event's id: the idempotency key for consumers
 * @param source           the producing service, {@code /incident-service}
 * @param type             one of {@link EventTypes}
 * @param subject          the incident id
 * @param time             when the event was recorded
 * @param datacontenttype  always {@code application/json}
 * @param incidentsequence the event's position in its incident's history, from 0
 * @param actor            who caused it: an API principal or an integration
 * @param correlationid    ties together the events caused by one request
 * @param traceparent      W3C trace context of the request that caused it, may be null
 * @param data             the payload record
 * @param <T>              the payload type
 */
public record IncidentCloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        long incidentsequence,
        String actor,
        String correlationid,
        String traceparent,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE = "/incident-service";
    public static final String CONTENT_TYPE = "application/json";
}
