package org.incidentplatform.incident.people;

import java.time.Instant;
import java.util.List;

/** A person as the API shows them: everything but their calendar token, which only their feed address carries. */
record PersonView(String id, String name, String email, String timeZone, List<ContactMethod> contactMethods,
        List<NotificationRule> notificationRules, boolean active, String calendarPath, long version,
        Instant createdAt, Instant updatedAt) {

    static PersonView of(Person p) {
        return new PersonView(p.id(), p.name(), p.email(), p.timeZone(), p.contactMethods(), p.notificationRules(),
                p.active(), "/api/v1/calendars/" + p.calendarToken() + ".ics", p.version(), p.createdAt(), p.updatedAt());
    }
}
