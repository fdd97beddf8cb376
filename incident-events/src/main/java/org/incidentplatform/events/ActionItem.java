package org.incidentplatform.events;

import java.time.LocalDate;

/**
 * A follow-up action from the post-mortem.
 *
 * @param itemId   unique within the incident
 * @param title    what is to be done
 * @param owner    who is responsible, may be null
 * @param dueDate  when it is due, may be null
 * @param category what kind of improvement it is
 * @param term     short or long term
 * @param status   how far along it is
 * @param link     a tracker link, may be null
 */
public record ActionItem(
        String itemId,
        String title,
        String owner,
        LocalDate dueDate,
        Category category,
        Term term,
        Status status,
        String link) {

    /** What kind of improvement an action item is. */
    public enum Category {
        PREVENTION, DETECTION, MITIGATION, RECOVERY, PROCESS, TOOLING, DOCUMENTATION
    }

    /** Whether it can be done soon or needs longer work. */
    public enum Term {
        SHORT, LONG
    }

    /** How far along an action item is. */
    public enum Status {
        OPEN, IN_PROGRESS, DONE, WONT_DO
    }
}
