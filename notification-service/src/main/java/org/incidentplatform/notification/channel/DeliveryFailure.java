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

    /** What the receiver asked for with Retry-After (see {@link RetryAfter}), or null; not capped here. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
