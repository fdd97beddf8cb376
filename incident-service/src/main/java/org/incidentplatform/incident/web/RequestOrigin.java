package org.incidentplatform.incident.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.messaging.MetaData;
import org.incidentplatform.tracing.Traceparent;

/**
 * Who sent a request and how to correlate it, turned into the metadata that every event caused
 * by the request carries.
 */
public final class RequestOrigin {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String TRACEPARENT = "traceparent";
    /** The Slack member id of whoever acted through the Slack app. */
    public static final String SLACK_USER = "slackUser";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private RequestOrigin() {
    }

    /**
     * The metadata for the command a request sends. A caller-supplied correlation id or
     * traceparent is kept only when well-formed, so nothing arbitrary lands in the event log.
     * The stored trace context is that of this request's server span (which continues the
     * caller's {@code traceparent}, or starts a trace when there was none), so the publisher's
     * and the consumers' spans become its children; the header itself only when tracing is off.
     */
    public static MetaData of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String actor = principal == null ? "anonymous" : principal.getName();
        String correlationId = request.getHeader(CORRELATION_HEADER);
        if (correlationId == null || !SAFE_CORRELATION_ID.matcher(correlationId).matches()) {
            correlationId = UUID.randomUUID().toString();
        }
        String traceparent = Traceparent.current();
        if (traceparent == null) {
            traceparent = request.getHeader(TRACEPARENT);
        }
        if (traceparent != null && !TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
            traceparent = null;
        }
        return traceparent == null
                ? MetaData.from(Map.of(ACTOR, actor, CORRELATION_ID, correlationId))
                : MetaData.from(Map.of(ACTOR, actor, CORRELATION_ID, correlationId, TRACEPARENT, traceparent));
    }
}
