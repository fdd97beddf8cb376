package org.incidentplatform.events;

import java.time.Instant;
import java.util.List;

/**
 * A person was paged for the incident. notification-service reaches them by each contact: at
 * once, or after the contact's delay unless the incident was acknowledged or resolved by then.
 * The contacts are copied into the event so that the page is delivered (and can be proven) as
 * the person's details stood when they were paged.
 *
 * @param incidentId the incident
 * @param pageId     this page's id: acknowledge links name it
 * @param step       the escalation step that paged them, from 1 (0 for a page sent by hand)
 * @param round      the escalation round, from 1
 * @param personId   who
 * @param personName their name when paged
 * @param reason     why them, in words ("on call for Database primary")
 * @param contacts   how to reach them, in the order of their notification rules
 * @param occurredAt when they were paged
 */
public record PersonPaged(
        String incidentId,
        String pageId,
        int step,
        int round,
        String personId,
        String personName,
        String reason,
        List<Contact> contacts,
        Instant occurredAt) implements IncidentEvent {

    public PersonPaged {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /**
     * One way to reach the paged person.
     *
     * @param type         EMAIL, SLACK, SMS, VOICE or NTFY
     * @param address      e-mail address, Slack member id, E.164 phone number or ntfy topic
     * @param afterMinutes how long after the page this way is used, unless acknowledged by then
     */
    public record Contact(String type, String address, int afterMinutes) {
    }
}
