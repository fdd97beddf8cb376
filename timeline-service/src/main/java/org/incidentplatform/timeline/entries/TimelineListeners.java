package org.incidentplatform.timeline.entries;

import java.util.List;
import org.incidentplatform.events.Topics;

/** The names the listener containers and their consumer group go by, for whoever must stop them. */
public final class TimelineListeners {

    public static final String GROUP_ID = "timeline-service";
    public static final String INCIDENT_EVENTS = "timeline-incident-events";
    public static final String DELIVERY_EVENTS = "timeline-delivery-events";

    /** Every listener container of the projection. */
    public static final List<String> IDS = List.of(INCIDENT_EVENTS, DELIVERY_EVENTS);

    /** Every topic the projection is built from. */
    public static final List<String> TOPICS = List.of(Topics.INCIDENT_EVENTS, Topics.DELIVERY_EVENTS);

    private TimelineListeners() {
    }
}
