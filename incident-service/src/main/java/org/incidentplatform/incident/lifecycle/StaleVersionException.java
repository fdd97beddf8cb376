package org.incidentplatform.incident.lifecycle;

/** The caller's {@code If-Match} names a version other than the incident's current one. */
public class StaleVersionException extends RuntimeException {

    private final long expectedVersion;
    private final long currentVersion;

    public StaleVersionException(long expectedVersion, long currentVersion) {
        super("The incident is at version " + currentVersion + ", not " + expectedVersion
                + ". Read it again and retry with the current ETag.");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
