package org.incidentplatform.notification.paging;

import java.util.Optional;

/**
 * The signed, single-use action links a channel message (a Teams card, an e-mail) carries for the
 * incident's state: Acknowledge while it waits for someone, Resolve while it is open; each empty
 * when the state does not allow it or links are not enabled.
 */
public record ActionLinks(Optional<String> acknowledge, Optional<String> resolve) {

    public static final ActionLinks NONE = new ActionLinks(Optional.empty(), Optional.empty());
}
