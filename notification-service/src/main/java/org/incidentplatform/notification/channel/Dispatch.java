package org.incidentplatform.notification.channel;

import java.util.List;

/**
 * What one send carries: one or more updates of one incident for one target, oldest first.
 *
 * @param target          the channel's target name
 * @param incident        the incident as it stands now, for the "current state" parts of a message
 * @param updates         the updates, at least one
 * @param mayHaveBeenSent true when an earlier attempt was cut off mid-send (a crash): the
 *                        channel should check, where it can, whether it went out before sending again
 */
public record Dispatch(String target, IncidentSnapshot incident, List<Update> updates, boolean mayHaveBeenSent) {

    public Dispatch {
        updates = List.copyOf(updates);
        if (updates.isEmpty()) {
            throw new IllegalArgumentException("A dispatch carries at least one update");
        }
    }

    public Update latest() {
        return updates.getLast();
    }
}
