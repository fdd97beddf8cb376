package org.incidentplatform.incident.publishing;

/** Kafka did not acknowledge a batch; the processor retries it from the same token. */
class PublishingFailedException extends RuntimeException {

    PublishingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
