package org.incidentplatform.notification.channel;

import java.time.Duration;

/**
 * A send the receiver did not accept, with what the retry needs to know.
 *
 * @see #retryAfter()
 */
public class DeliveryFailure extends RuntimeException {

    private final Integer responseCode;
    private final Duration retryAfter;

    public DeliveryFailure(String message, Integer responseCode, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.responseCode = responseCode;
        this.retryAfter = retryAfter;
    }

    public DeliveryFailure(String message, Integer responseCode) {
        this(message, responseCode, null, null);
    }

    /** The receiver's status code, null when there was no response (timeout, refused). */
    public Integer responseCode() {
        return responseCode;
    }

    /** What the receiver asked for with 429 Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Parses a Retry-After header given in seconds; null when absent or not a number. */
    public static Duration retryAfterSeconds(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
