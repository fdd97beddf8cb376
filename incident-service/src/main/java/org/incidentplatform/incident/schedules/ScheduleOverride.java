package org.incidentplatform.incident.schedules;

import java.time.Instant;

/**
 * One person covering a schedule from {@code start} (inclusive) to {@code end} (exclusive), above
 * every layer. When overrides overlap, the one added last wins.
 */
record ScheduleOverride(String id, String personId, Instant start, Instant end, String reason) {

    boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
