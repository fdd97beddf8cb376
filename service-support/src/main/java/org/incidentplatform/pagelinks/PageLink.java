package org.incidentplatform.pagelinks;

import java.time.Instant;

/**
 * What a signed action link stands for: whoever holds it may take {@code action} on this incident,
 * once, until {@code expiresAt}, recorded as {@code personId} (a paged person, or the kind of
 * message that carried the link, such as {@code teams-card}).
 */
public record PageLink(String pageId, String incidentId, String personId, Instant expiresAt, Action action) {

    /** What the link does. A link does only its own action: an acknowledge link cannot resolve. */
    public enum Action {
        ACKNOWLEDGE, RESOLVE
    }

    /** An acknowledge link, the one a page carries. */
    public PageLink(String pageId, String incidentId, String personId, Instant expiresAt) {
        this(pageId, incidentId, personId, expiresAt, Action.ACKNOWLEDGE);
    }
}
