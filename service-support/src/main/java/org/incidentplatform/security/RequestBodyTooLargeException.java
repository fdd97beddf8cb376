package org.incidentplatform.security;

import java.io.IOException;

/**
 * Thrown while reading a streamed body that passes the limit. A service's error handling maps it
 * (also when it arrives wrapped by the JSON reader) to 413 with {@link #isCause(Throwable)}.
 */
public class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException() {
        super("Request body too large");
    }

    /** Whether this exception is anywhere in the chain of causes. */
    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
