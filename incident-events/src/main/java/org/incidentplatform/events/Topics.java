package org.incidentplatform.events;

/** Kafka topic names, named after what they hold and versioned with the envelope. */
public final class Topics {

    /**
     * Every event stored for an incident, keyed by incident id, long retention: the replay
     * source that every projection is rebuilt from.
     */
    public static final String INCIDENT_EVENTS = "incident-events.v1";

    private Topics() {
    }
}
