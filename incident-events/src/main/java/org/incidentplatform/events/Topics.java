package org.incidentplatform.events;

/** Kafka topic names, named after what they hold and versioned with the envelope. */
public final class Topics {

    /**
     * Every event stored for an incident, keyed by incident id, long retention: the replay
     * source that every projection is rebuilt from.
     */
    public static final String INCIDENT_EVENTS = "incident-events.v1";

    /**
     * What notification-service did about each incident event: one event per delivery attempt
     * outcome, keyed by incident id, so the timeline can show "Slack #ops notified".
     */
    public static final String DELIVERY_EVENTS = "notification-deliveries.v1";

    /**
     * Maintenance windows as they stand, keyed by window id, one {@link MaintenanceWindowChanged}
     * per change; compacted, so the latest state of every window is kept and replayable.
     */
    public static final String MAINTENANCE_WINDOWS = "maintenance-windows.v1";

    private Topics() {
    }
}
