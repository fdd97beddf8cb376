package org.incidentplatform.consuming;

/**
 * A record on the incident topic that is not a readable CloudEvent. Retrying cannot help, so
 * the error handler sends it to the dead-letter topic at once and the partition moves on.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
