package org.incidentplatform.incident.schedules;

import java.time.Instant;
import java.util.List;

/** A schedule's newest version as the API shows it; overrides already over are left out. */
record ScheduleView(String id, String name, String description, List<Layer> layers, List<ScheduleOverride> overrides,
        long version, Instant effectiveFrom, String changedBy, String calendarPath) {

    static ScheduleView of(ScheduleVersion v, Instant now) {
        return new ScheduleView(v.scheduleId(), v.name(), v.description(), v.layers(),
                v.overrides().stream().filter(o -> o.end().isAfter(now)).toList(), v.version(), v.effectiveFrom(),
                v.actor(), "/api/v1/calendars/" + v.calendarToken() + ".ics");
    }
}
