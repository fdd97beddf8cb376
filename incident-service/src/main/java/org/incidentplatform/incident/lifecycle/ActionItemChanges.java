package org.incidentplatform.incident.lifecycle;

import org.incidentplatform.events.ActionItem;

/** A PATCH of an action item: every field given replaces the current one; null keeps it. */
final class ActionItemChanges {

    private ActionItemChanges() {
    }

    static ActionItem applyTo(ActionItem current, ActionItem changes) {
        return new ActionItem(
                current.itemId(),
                changes.title() != null ? changes.title() : current.title(),
                changes.owner() != null ? changes.owner() : current.owner(),
                changes.dueDate() != null ? changes.dueDate() : current.dueDate(),
                changes.category() != null ? changes.category() : current.category(),
                changes.term() != null ? changes.term() : current.term(),
                changes.status() != null ? changes.status() : current.status(),
                changes.link() != null ? changes.link() : current.link());
    }
}
