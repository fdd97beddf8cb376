package org.incidentplatform.incident.people;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone who can be paged. People are deactivated, never deleted: schedules, pages and the
 * history of past incidents keep naming them.
 *
 * @param id                public id, e.g. {@code per-3f1b2c4d5e6f}
 * @param name              display name, shown on pages and in the timeline
 * @param email             their login e-mail, unique among people
 * @param timeZone          IANA zone in which they read times (their calendar feed uses it)
 * @param contactMethods    how they can be reached
 * @param notificationRules when each way is used after a page
 * @param active            false once deactivated: kept for history, paged no more
 * @param calendarToken     secret part of their calendar feed's address
 * @param version           raised by every change; the ETag
 */
@Document("people")
public record Person(@Id String id, String name, String email, String timeZone, List<ContactMethod> contactMethods,
        List<NotificationRule> notificationRules, boolean active, String calendarToken, long version,
        Instant createdAt, Instant updatedAt) {
}
