package org.incidentplatform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.regex.Pattern;

/** The W3C {@code traceparent} of the span current on this thread. */
public final class Traceparent {

    /** The HTTP header and Kafka record header name. */
    public static final String HEADER = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private Traceparent() {
    }

    /**
     * @return {@code 00-<trace id>-<span id>-<flags>} of the current span, or null when no span
     *         is current (tracing switched off, or code running outside any traced work)
     */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }

    /** True for a well-formed version-00 value, the only kind worth storing or continuing. */
    public static boolean isValid(String traceparent) {
        return traceparent != null && FORMAT.matcher(traceparent).matches()
                && !traceparent.startsWith("00-00000000000000000000000000000000-")
                && !traceparent.contains("-0000000000000000-");
    }
}
